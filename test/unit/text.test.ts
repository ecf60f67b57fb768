import { Chalk } from 'chalk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ansi, type Colors, plain } from '../../src/render/colors.js';
import { type Column, table } from '../../src/render/table.js';
import { displayWidth, plural, safe, safeLine, truncate } from '../../src/render/text.js';

// Anything a terminal could act on: C0 (but tab/newline), DEL, C1, bidi controls.
const DANGEROUS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('safe', () => {
  it.each([
    ['a\x1b[31mred', 'a\\x1b[31mred'],
    ['\x1b]0;title\x07', '\\x1b]0;title\\x07'],
    ['over\rwrite', 'over\\x0dwrite'],
    ['back\bspace', 'back\\x08space'],
    ['nul\x00byte', 'nul\\x00byte'],
    ['del\x7f', 'del\\x7f'],
    ['csi\u009b2J', 'csi\\x9b2J'],
    ['nel\u0085', 'nel\\x85'],
    ['abc\u202edcba', 'abc\\u202edcba'],
    ['\u2066isolate\u2069', '\\u2066isolate\\u2069'],
    ['rtl\u200fmark\u200e', 'rtl\\u200fmark\\u200e'],
    ['arabic\u061cmark', 'arabic\\u061cmark'],
    ['vt\x0bff\x0c', 'vt\\x0bff\\x0c'],
  ])('%j becomes %j', (input, expected) => {
    expect(safe(input)).toBe(expected);
    expect(DANGEROUS.test(safe(input))).toBe(false);
  });

  it('keeps newlines and tabs', () => {
    expect(safe('line one\n\tline two')).toBe('line one\n\tline two');
  });

  it('leaves ordinary text, accents, CJK, emoji and right-to-left letters alone', () => {
    for (const s of ['Zoë Ångström', '李明', 'Dana 👋🏽', 'שלום', 'مرحبا', "Robert'); DROP TABLE contacts;--", '<b>x</b> | [y](z)']) {
      expect(safe(s)).toBe(s);
    }
  });
});

describe('safeLine', () => {
  it('puts text on one line: newlines and tabs become a single space', () => {
    expect(safeLine('a\nb')).toBe('a b');
    expect(safeLine('a\n\n\tb')).toBe('a b');
    expect(safeLine('a\tb')).toBe('a b');
  });

  it('treats CR and CRLF as line breaks too', () => {
    expect(safeLine('a\r\nb')).toBe('a b');
    expect(safeLine('a\rb')).toBe('a b');
    expect(safeLine('a\r\n\r\nb')).toBe('a b');
  });

  it('neutralises controls too', () => {
    expect(safeLine('x\x1b[2J\ny\x08\u202e')).toBe('x\\x1b[2J y\\x08\\u202e');
  });

  it('turns null and undefined into an empty string', () => {
    expect(safeLine(null)).toBe('');
    expect(safeLine(undefined)).toBe('');
  });

  it('returns text with nothing to change as it is, whatever its script', () => {
    for (const t of ['Zoë Ünïcode', '李明 😀', 'Ана', 'e\u0301', '\u00a0\u2028']) expect(safeLine(t)).toBe(t);
    // and still changes what it must beside such text
    expect(safeLine('李明\n😀\u202e')).toBe('李明 😀\\u202e');
  });
});

describe('displayWidth', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['Zoë', 3],
    ['Zoe\u0301', 3], // combining accent takes no column
    ['李明', 4],
    ['李 Li', 5],
    ['한국어', 6],
    ['カタカナ', 8],
    ['Ａ', 2], // fullwidth Latin
    ['ｱ', 1], // halfwidth katakana
    ['😀', 2],
    ['🎉 ok', 5],
    ['❤\ufe0f', 1], // variation selector takes no column
    ['a\u200db', 2], // zero-width joiner
    ['👩\u200d💻', 2], // joined emoji draw as one
    ['👨\u200d👩\u200d👧 x', 4],
    ['👍🏽', 2], // skin-tone modifier
    ['🏽', 2], // a modifier on its own is drawn
  ])('%j is %i columns', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it('measures Latin-1 and Latin Extended (the quick path) as the character by character count does', () => {
    for (let c = 0xa0; c <= 0x2ff; c++) {
      const ch = String.fromCodePoint(c);
      expect(displayWidth(ch)).toBe(1);
      // A combining mark sends the same character through the character by character count.
      expect(displayWidth(`${ch}\u0301`)).toBe(1);
    }
    expect(displayWidth('\u0300')).toBe(0); // the first combining mark is outside the quick path
  });
});

describe('truncate', () => {
  it('leaves text that fits', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('exact', 5)).toBe('exact');
  });

  it('cuts to the width with an ellipsis', () => {
    expect(truncate('Dana Whitfield', 8)).toBe('Dana Wh…');
    expect(displayWidth(truncate('Dana Whitfield', 8))).toBe(8);
    expect(truncate('abcdef', 5)).toBe('abcd…');
  });

  it('never splits a wide character over the limit', () => {
    expect(truncate('李明华张', 5)).toBe('李明…');
    expect(truncate('李明华', 4)).toBe('李…');
    expect(displayWidth(truncate('李明华', 4))).toBe(3);
    expect(truncate('😀😀😀', 4)).toBe('😀…');
  });
});

describe('plural', () => {
  it.each([
    [0, 'day', undefined, '0 days'],
    [1, 'day', undefined, '1 day'],
    [2, 'day', undefined, '2 days'],
    [1, 'person', 'people', '1 person'],
    [3, 'person', 'people', '3 people'],
  ])('%i %s', (n, word, many, expected) => {
    expect(plural(n, word, many)).toBe(expected);
  });
});

interface Row {
  id: number;
  name: string;
  company: string | null;
}

const coloured = ansi;
const ESC = '\x1b';

const columns = (c: Colors): Array<Column<Row>> => [
  { header: 'ID', value: (r) => String(r.id), style: (t) => c.dim(t) },
  { header: 'NAME', value: (r) => r.name, style: (t) => c.cyan(t), flexible: true },
  { header: 'COMPANY', value: (r) => r.company, style: (t) => c.red(t) },
];

const rows: Row[] = [
  { id: 1, name: 'Dana Whitfield', company: 'Sell Computers' },
  { id: 12, name: 'Bob', company: null },
  { id: 3, name: '李明', company: 'Acme' },
];

describe('table', () => {
  it('aligns columns as plain text without colour', () => {
    const out = table(rows, columns(plain), plain, null);
    expect(out).toBe(
      [
        'ID  NAME            COMPANY',
        '1   Dana Whitfield  Sell Computers',
        '12  Bob',
        '3   李明            Acme',
      ].join('\n'),
    );
    expect(out).not.toContain(ESC);
  });

  it('puts every column at the same display column on every line', () => {
    const lines = table(rows, columns(plain), plain, null).split('\n');
    const starts = lines.filter((l) => l.includes('Acme') || l.includes('Sell') || l.includes('COMPANY')).map((l) => {
      const at = l.search(/COMPANY|Sell|Acme/);
      return displayWidth(l.slice(0, at));
    });
    expect(starts).toEqual([20, 20, 20]);
  });

  it('colours after aligning, so a coloured table is the plain one plus escapes', () => {
    const colouredOut = table(rows, columns(coloured), coloured, null);
    expect(colouredOut).toContain(ESC);
    expect(colouredOut.replace(/\x1b\[[0-9;]*m/g, '').split('\n').map((l) => l.trimEnd())).toEqual(
      table(rows, columns(plain), plain, null).split('\n'),
    );
  });

  it('shows escape sequences and line breaks in data as harmless text on one line', () => {
    const evil: Row[] = [{ id: 1, name: 'Eve\x1b[2J\x1b]0;pwned\x07', company: 'Acme\nInc\r\u202eevil' }];
    const out = table(evil, columns(plain), plain, null);
    expect(out).not.toContain(ESC);
    expect(DANGEROUS.test(out)).toBe(false);
    expect(out.split('\n')).toHaveLength(2);
    expect(out).toContain('Eve\\x1b[2J\\x1b]0;pwned\\x07');
    expect(out).toContain('Acme Inc \\u202eevil');
  });

  it('cuts the flexible column to fit the terminal width', () => {
    const long: Row[] = [
      { id: 1, name: 'Dana Whitfield of the Very Long Name Family', company: 'Sell' },
      { id: 2, name: 'Bob', company: 'Acme' },
    ];
    const out = table(long, columns(plain), plain, 40);
    const lines = out.split('\n');
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(40);
    expect(lines[1]).toBe('1   Dana Whitfield of the Very…  Sell');
    expect(lines[2]).toBe('2   Bob                          Acme');
  });

  it('keeps a flexible column at least 10 wide', () => {
    const long: Row[] = [{ id: 1, name: 'Dana Whitfield of the Very Long Name Family', company: 'Sell' }];
    const lines = table(long, columns(plain), plain, 5).split('\n');
    expect(lines[1]).toBe('1   Dana Whit…  Sell');
  });

  it('prints only the header for no rows', () => {
    expect(table([], columns(plain), plain, 80)).toBe('ID  NAME  COMPANY');
  });
});

describe('colours', () => {
  const chalk = new Chalk({ level: 1 });
  const NAMES = ['bold', 'dim', 'red', 'yellow', 'green', 'cyan'] as const;

  it.each([
    ['bold', 'x', '\x1b[1mx\x1b[22m'],
    ['dim', 'x', '\x1b[2mx\x1b[22m'],
    ['cyan', '', ''],
    ['red', 'a\nb', '\x1b[31ma\x1b[39m\n\x1b[31mb\x1b[39m'],
    ['dim', `a${'\x1b[1mb\x1b[22m'}c`, '\x1b[2ma\x1b[1mb\x1b[22m\x1b[2mc\x1b[22m'],
  ] as const)('%s(%j) is %j', (name, text, expected) => {
    expect(ansi[name](text)).toBe(expected);
    expect(plain[name](text)).toBe(text);
  });

  it("writes chalk's bytes for any text and any nesting of styles", () => {
    const text = fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\r', '\r\n', '中', '\x1b[22m', '\x1b[39m', '\x1b[1m'), maxLength: 12 });
    fc.assert(
      fc.property(text, fc.array(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 3 }), (t, styles) => {
        const ours = styles.reduce((acc, s) => ansi[s](acc), t);
        const theirs = styles.reduce((acc, s) => chalk[s](acc), t);
        expect(ours).toBe(theirs);
      }),
      { numRuns: 500 },
    );
  });
});

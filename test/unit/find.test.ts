import { describe, expect, it } from 'vitest';
import { explainMatches, findMarks, recordMatches, type SearchedRecord, searchTerms } from '../../src/core/find.js';
import { excerpt, renderFound } from '../../src/render/find.js';
import { plain } from '../../src/render/colors.js';

/** The text with its marks shown as brackets, to compare at a glance. */
function marked(text: string, query: string): string {
  let out = '';
  let at = 0;
  for (const [s, e] of findMarks(text, searchTerms(query))) {
    out += `${text.slice(at, s)}[${text.slice(s, e)}]`;
    at = e;
  }
  return out + text.slice(at);
}

describe('findMarks: where a search matched', () => {
  it.each([
    ['Bob runs data at Acme', 'acm', 'Bob runs data at [Acme]'],
    ['Bob runs data at Acme', 'data acme', 'Bob runs [data] at [Acme]'],
    ['José Núñez', 'nunez', 'José [Núñez]'],
    ['JOSÉ', 'jose', '[JOSÉ]'],
    ['Straße 5', 'strasse', '[Straße] 5'],
    ['Looking for C++ and C# roles', 'C++', 'Looking for [C++] and C# roles'],
    ['Looking for C++ and C# roles', 'c#', 'Looking for C++ and [C#] roles'],
    ['Chicago, Cleveland, Plan C', 'C++', 'Chicago, Cleveland, Plan C'],
    ['knows Node.js well', 'node.js', 'knows [Node.js] well'],
    ['the data-team lead', 'data team', 'the [data]-[team] lead'],
    ['the data team lead', 'data-team', 'the [data team] lead'],
    ["Sean O'Brien", "o'brien", "Sean [O'Brien]"],
    ['metadata is not data', 'data', 'metadata is not [data]'], // words are matched from their start
    ['an intro at "Initech"', '"initech"', 'an intro at "[Initech]"'],
    ['李明 at 腾讯', '李明', '[李明] at 腾讯'],
    ['emoji 😀 then Acme', 'acme', 'emoji 😀 then [Acme]'],
    ['', 'acme', ''],
  ])('%j searched for %j → %j', (text, query, expected) => {
    expect(marked(text, query)).toBe(expected);
  });
});

describe('recordMatches: a record holds every word, in any of its fields', () => {
  const fields = [
    { field: 'name', text: 'Bob Ortiz' },
    { field: 'company', text: 'Acme' },
    { field: 'notes', text: null },
  ];
  it('names every field that holds a word', () => {
    expect(recordMatches(fields, searchTerms('bob acme'))?.map((m) => m.field)).toEqual(['name', 'company']);
  });
  it('refuses a record missing a word', () => {
    expect(recordMatches(fields, searchTerms('bob globex'))).toBeNull();
  });
  it('refuses a record whose index word was only part of a word with symbols', () => {
    expect(recordMatches([{ field: 'what', text: 'a job in C at Chicago' }], searchTerms('C++'))).toBeNull();
  });
});

describe('explainMatches', () => {
  const rec = (record: string, owners: number[], text: string): SearchedRecord => ({
    record,
    kind: record.startsWith('l') ? 'lead' : 'interaction',
    on: '2026-09-30',
    fields: [{ field: record.startsWith('l') ? 'what' : 'summary', text }],
    owners,
  });
  it('lists a record under each of its contacts, and drops records that do not hold the words', () => {
    const why = explainMatches([rec('i1', [1, 2], 'coffee about Acme'), rec('l3', [2, 2], 'Acme is hiring'), rec('i4', [3], 'acumen')], searchTerms('acme'));
    expect([...why.keys()]).toEqual([1, 2]);
    expect(why.get(2)?.map((e) => e.record.record)).toEqual(['i1', 'l3']);
  });
});

describe('excerpt and renderFound', () => {
  it('cuts a long text around its first match, escaping what it prints', () => {
    const text = `${'x'.repeat(200)} Acme\u001b[31m ${'y'.repeat(200)}`;
    const line = excerpt(text, findMarks(text, searchTerms('acme')), plain);
    expect(line.startsWith('…')).toBe(true);
    expect(line.endsWith('…')).toBe(true);
    expect(line).toContain('[Acme]\\x1b[31m');
    expect(line).not.toContain('\u001b');
    expect(line.length).toBeLessThan(120);
  });

  it('shows each contact with its matches, five at most and where to see the rest', () => {
    const records = Array.from({ length: 7 }, (_, n) => ({
      record: `i${n + 1}`,
      kind: 'interaction' as const,
      on: `2026-09-0${n + 1}`,
      fields: [{ field: 'summary', text: `call ${n} about Acme` }],
      owners: [4],
    }));
    const text = renderFound([{ id: 4, name: 'Bob Ortiz', company: 'Acme', role: 'Data lead', tags: [], lastContact: null }], explainMatches(records, searchTerms('acme')), plain);
    const lines = text.split('\n');
    expect(lines[0]).toBe('Bob Ortiz #4  Data lead at Acme');
    expect(lines[1]).toBe('  i1    conversation 2026-09-01: call 0 about [Acme]');
    expect(lines).toHaveLength(7);
    expect(lines[6]).toBe('  … and 2 more: net show 4');
  });
});

describe('searchTerms on ASCII words', () => {
  // The reading of a word with only Unicode classes, as net had it before ASCII words were
  // read without them: the ASCII shortcuts must give the same terms and the same marks.
  const EDGE = /^[\p{P}\p{Z}\p{Cc}]+|[\p{P}\p{Z}\p{Cc}]+$/gu;
  const reference = (text: string) => {
    const out: Array<{ parts: string[]; source: string; prefix: boolean }> = [];
    const seen = new Set<string>();
    for (const raw of text.normalize('NFC').split(/\s+/u)) {
      const word = raw.replace(EDGE, (run) => [...run].filter((ch) => /[+#&@$%*]/u.test(ch)).join(''));
      const parts = word.match(/[\p{L}\p{N}]+/gu) ?? [];
      if (parts.length === 0) continue;
      const folded = word.toLowerCase();
      if (seen.has(folded)) continue;
      seen.add(folded);
      const runs = folded.split(/([\p{L}\p{N}]+)/u);
      const esc = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
      const body = runs.map((run, i) => (i % 2 === 1 ? esc(run) : run === '' ? '' : i > 0 && i < runs.length - 1 ? '[^\\p{L}\\p{N}]+' : esc(run))).join('');
      out.push({ parts, source: `${/^[\p{L}\p{N}]/u.test(folded) ? '(?<![\\p{L}\\p{N}])' : ''}${body}`, prefix: /[\p{L}\p{N}]$/u.test(folded) });
    }
    return out;
  };
  const printable = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
  const words = printable.flatMap((c) => [c, `a${c}`, `${c}a`, `a${c}b`, `"${c}Ab${c}"`, `(${c}c${c}9)`, `C${c}${c}`, `x ${c}y`]);

  it.each(words)('%j reads as with Unicode classes', (word) => {
    expect(searchTerms(word).map((t) => ({ parts: t.parts, source: t.pattern.source, prefix: t.prefix }))).toEqual(reference(word));
  });

  it('marks ASCII text (folded without offsets) where the character-by-character folding marks it', () => {
    const text = 'Dana at ACME-corp: acmex, "Acme" (acme2) and C++/c# notes';
    for (const q of ['acm', 'acme corp', 'c++', 'C#', 'notes', '"acme"', 'dana acme']) {
      // One letter outside ASCII sends the same text through the character-by-character folding.
      expect(findMarks(text, searchTerms(q)).length, q).toBeGreaterThan(0);
      expect(findMarks(text, searchTerms(q)), q).toEqual(findMarks(`${text} \u00e9`, searchTerms(q)));
    }
  });

  it('marks a word found by its beginning whole, over ASCII and other letters alike', () => {
    expect(findMarks('Acme Corp, Acmé and Acme2 ACMEx', searchTerms('acm')).map(([s, e]) => 'Acme Corp, Acmé and Acme2 ACMEx'.slice(s, e))).toEqual(['Acme', 'Acmé', 'Acme2', 'ACMEx']);
  });
});

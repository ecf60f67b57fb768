import { describe, expect, it } from 'vitest';
import damerau from 'damerau-levenshtein';
import { closeNames, matchContact, matchKey, normalizeText, parseIdRef, parseItemId, type Named } from '../../src/core/names.js';
import { searchTerms } from '../../src/core/find.js';
import { ftsQuery } from '../../src/store/search.js';

describe('matchKey', () => {
  it.each([
    ['José', 'jose'],
    ['Jose\u0301', 'jose'], // decomposed (NFD) input
    ['JOSÉ', 'jose'],
    ['Zoë Ångström', 'zoe angstrom'],
    ['François Müller', 'francois muller'],
    ['İlker', 'ilker'],
    ['  Dana   Whitfield  ', 'dana whitfield'],
    ['Dana\tWhitfield\nJr', 'dana whitfield jr'],
    ['李明', '李明'],
    ['', ''],
  ])('%j compares as %j', (input, key) => {
    expect(matchKey(input)).toBe(key);
  });

  it('makes composed and decomposed spellings equal', () => {
    const composed = 'Ren\u00e9e';
    const decomposed = 'Rene\u0301e';
    expect(composed).not.toBe(decomposed);
    expect(matchKey(composed)).toBe(matchKey(decomposed));
  });

  it('compares ASCII text as the full folding would (it skips decomposing it)', () => {
    const full = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '').toLocaleLowerCase('en-US').replace(/\s+/g, ' ').trim();
    const every = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)).join('');
    for (const s of [every, 'Dana WHITFIELD', ' O\'Brien-Smith\t(Acme) ', 'C++ #net x86_64']) expect(matchKey(s)).toBe(full(s));
    // One letter outside ASCII takes the whole text through the folding.
    expect(matchKey('Dana Müller ø')).toBe('dana muller o');
  });
});

describe('normalizeText', () => {
  it('stores NFC so the same text is the same bytes', () => {
    expect(normalizeText('Jose\u0301')).toBe('Jos\u00e9');
    expect(normalizeText('Jose\u0301').length).toBe(4);
  });
});

const c = (id: number, name: string): Named => ({ id, name });

describe('matchContact', () => {
  const dana = c(1, 'Dana Whitfield');
  const daniel = c(2, 'Daniel Ortiz');
  const jordan = c(3, 'Jordan Danes');
  const bob = c(4, 'Bob Ortiz');
  const jose = c(5, 'José García');
  const danaShort = c(6, 'Dana');

  it('finds an exact name, case- and accent-insensitively', () => {
    expect(matchContact([dana, bob, jose], 'dana whitfield')).toEqual({ kind: 'one', contact: dana });
    expect(matchContact([dana, bob, jose], 'JOSE GARCIA')).toEqual({ kind: 'one', contact: jose });
    expect(matchContact([dana, bob, jose], 'Jose\u0301 Garci\u0301a')).toEqual({ kind: 'one', contact: jose });
    expect(matchContact([dana, bob, jose], '  dana   whitfield ')).toEqual({ kind: 'one', contact: dana });
  });

  it('finds a contact stored in decomposed form from composed input', () => {
    const nfd = c(9, 'Rene\u0301e Fleming');
    expect(matchContact([nfd, bob], 'Renée')).toEqual({ kind: 'one', contact: nfd });
  });

  it('prefers an exact match to prefixes of longer names', () => {
    expect(matchContact([dana, danaShort, daniel], 'dana')).toEqual({ kind: 'one', contact: danaShort });
  });

  it('takes a unique prefix', () => {
    expect(matchContact([dana, bob, jose], 'Da')).toEqual({ kind: 'one', contact: dana });
    expect(matchContact([dana, bob, jose], 'jos')).toEqual({ kind: 'one', contact: jose });
  });

  it('returns every candidate when a prefix is ambiguous, without falling through to substrings', () => {
    // "Jordan Danes" contains "dan" but does not start with it.
    expect(matchContact([dana, daniel, jordan, bob], 'Dan')).toEqual({ kind: 'many', candidates: [dana, daniel] });
  });

  it('prefers a unique prefix to substring matches', () => {
    expect(matchContact([dana, jordan, bob], 'dan')).toEqual({ kind: 'one', contact: dana });
  });

  it('takes a unique substring when no name starts with the text', () => {
    expect(matchContact([dana, daniel, bob], 'whit')).toEqual({ kind: 'one', contact: dana });
    expect(matchContact([dana, daniel, jose], 'garcia')).toEqual({ kind: 'one', contact: jose });
  });

  it('returns every candidate when a substring is ambiguous', () => {
    expect(matchContact([dana, daniel, bob, jose], 'ortiz')).toEqual({ kind: 'many', candidates: [daniel, bob] });
  });

  it('returns every contact with the same exact name', () => {
    const otherDana = c(7, 'Dana Whitfield');
    expect(matchContact([dana, otherDana, daniel], 'Dana Whitfield')).toEqual({ kind: 'many', candidates: [dana, otherDana] });
  });

  it('finds nobody for an unknown or empty reference', () => {
    expect(matchContact([dana, bob], 'Zed')).toEqual({ kind: 'none' });
    expect(matchContact([dana, bob], '')).toEqual({ kind: 'none' });
    expect(matchContact([dana, bob], '   ')).toEqual({ kind: 'none' });
    expect(matchContact([], 'dana')).toEqual({ kind: 'none' });
  });
});

describe('parseIdRef', () => {
  it.each([
    ['12', 12],
    ['#12', 12],
    [' #7 ', 7],
    ['0012', 12],
    ['0', 0],
    ['c12', 12],
    ['C3', 3],
  ])('%j is id %i', (text, id) => {
    expect(parseIdRef(text)).toBe(id);
  });

  it.each(['', '#', 'Dana', '12a', 'p12', 'i4', 'c', 'c#1', '-1', '1.5', '# 12', '1234567890123456'])('%j is not an id', (text) => {
    expect(parseIdRef(text)).toBeNull();
  });
});

describe('parseItemId', () => {
  it.each([
    ['p12', 'p', 12],
    ['P12', 'p', 12],
    ['#12', 'p', 12],
    ['12', 'p', 12],
    [' l5 ', 'l', 5],
    ['L5', 'l', 5],
    ['c7', 'c', 7],
    ['i3', 'i', 3],
  ])('%j with prefix %s is %i', (text, prefix, id) => {
    expect(parseItemId(text, prefix)).toBe(id);
  });

  it.each([
    ['l12', 'p'],
    ['p', 'p'],
    ['pp12', 'p'],
    ['p#12', 'p'],
    ['p12x', 'p'],
    ['', 'p'],
    ['p-1', 'p'],
  ])('%j with prefix %s is refused', (text, prefix) => {
    expect(parseItemId(text, prefix)).toBeNull();
  });
});

describe('ftsQuery', () => {
  const query = (text: string) => ftsQuery(searchTerms(text));
  it.each([
    ['acme', '"acme"*'],
    ['Acme Corp', '"Acme"* "Corp"*'],
    ['  acme   corp ', '"acme"* "corp"*'],
    ["O'Brien", '"O Brien"*'], // one word in two parts: a phrase
    ['foo-bar', '"foo bar"*'],
    ['NEAR(a b)', '"NEAR a"* "b"*'],
    ['acme OR 1=1; DROP TABLE contacts', '"acme"* "OR"* "1 1"* "DROP"* "TABLE"* "contacts"*'],
    ['say "hi"', '"say"* "hi"*'],
    ['李明', '"李明"*'],
    ['C++', '"C"'], // a word ending in a symbol is not a prefix: the symbols are checked on the text
    ['C# .NET', '"C" "NET"*'],
  ])('%j becomes %j', (text, expected) => {
    expect(query(text)).toBe(expected);
  });

  it('takes up to 12 different words, however often each is repeated, and refuses a 13th', () => {
    const twelve = Array.from({ length: 12 }, (_, i) => `w${i}`);
    expect(query([...twelve, ...twelve.map((w) => w.toUpperCase()), ...twelve].join(' '))?.split(' ')).toHaveLength(12);
    expect(query(Array.from({ length: 200 }, () => 'person').join(' '))).toBe('"person"*');
    expect(() => query([...twelve, 'w12'].join(' '))).toThrow(/13 different words; net find takes at most 12/);
  });

  it('normalises decomposed accents to NFC', () => {
    expect(query('Jose\u0301')).toBe('"Jos\u00e9"*');
  });

  it.each(['', '   ', '***', '"', '-- ;', '++'])('%j has no words and gives null', (text) => {
    expect(query(text)).toBeNull();
  });
});

describe('closeNames (Did you mean …?)', () => {
  const people: Named[] = [
    { id: 3, name: 'Thom Baker' },
    { id: 4, name: 'Dana Whitfield' },
    { id: 5, name: 'José Núñez' },
    { id: 6, name: 'Tom Lee' },
    { id: 7, name: 'Al Green' },
  ];
  const steps = (a: string, b: string) => damerau(a, b).steps;
  it.each([
    ['Thomm', ['Thom Baker', 'Tom Lee']], // one letter too many for Thom, two edits from Tom (allowed at five letters)
    ['Thmo', ['Thom Baker']], // two letters swapped count as one edit; Tom is two away
    ['Thom Bakr', ['Thom Baker']],
    ['thom baekr', ['Thom Baker']],
    ['Dana Whitfeild', ['Dana Whitfield']],
    ['Whitfeld', ['Dana Whitfield']], // the last name alone
    ['Jose Nunes', ['José Núñez']], // accents ignored, one letter off
    ['Tmo', ['Tom Lee']],
    ['Xyzzy', []],
    ['Zed Quinn', []],
    ['Ax', []], // two letters: too short to guess from
    ['', []],
  ])('%j → %j', (ref, expected) => {
    expect(closeNames(people, ref, steps).map((c) => c.name)).toEqual(expected);
  });

  it('offers at most three, closest first, then in name order', () => {
    const many: Named[] = ['Sam Ray', 'Pam Ray', 'Sam Roy', 'Sam Rey', 'Sal Ray'].map((name, i) => ({ id: i + 1, name }));
    expect(closeNames(many, 'Sam Ray', steps).map((c) => c.name)).toEqual(['Sam Ray', 'Pam Ray', 'Sal Ray']);
    expect(closeNames(many, 'Sam Ray', steps, 5)).toHaveLength(5);
  });
});

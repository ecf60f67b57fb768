// Issue 13, item 6: net find says why each contact matched, and "C++" is not every word
// that starts with c.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ContactJson, type TempJournal, UNSAFE_CHARS, byName, cleanupJournals, tempJournal } from './helpers.js';

afterAll(cleanupJournals);

interface FoundJson extends ContactJson {
  matches: Array<{ record: string; field: string; text: string }>;
}

describe('net find "C++" in a journal full of words that start with c', () => {
  let j: TempJournal;
  beforeAll(() => {
    j = tempJournal();
    // Fourteen people whose records are full of c-words, and three who know C++.
    const cWords = ['Chicago', 'Cleveland', 'coffee', 'call', 'CEO', 'Cisco', 'consulting', 'career', 'cloud', 'Comcast', 'Costco', 'Capital One', 'Chase', 'Cigna'];
    cWords.forEach((w, n) => j.ok('add', `Person ${String.fromCharCode(65 + n)}`, '--company', w, '--met', `coffee in ${w}`, '--need', `a contact at ${w}`, '--note', 'Plan C'));
    j.ok('add', 'Cora Plus', '--role', 'C++ developer');
    j.ok('add', 'Carl Lang', '--met', 'a meetup', '--need', 'a C++ mentor');
    j.ok('add', 'Cyd Sharp', '--company', 'Initech');
    j.ok('log', 'Cyd Sharp', 'talked about her C++/Rust rewrite', '--kind', 'call');
  });

  it('finds only the three who have C++ in their records', () => {
    const found = j.json<FoundJson[]>('find', 'C++', '--json');
    expect(found.map((c) => c.name).sort()).toEqual(['Carl Lang', 'Cora Plus', 'Cyd Sharp']);
    expect(j.json<ContactJson[]>('list', '--json')).toHaveLength(17);
  });

  it('says which record and field each match is in', () => {
    const found = j.json<FoundJson[]>('find', 'C++', '--json');
    const by = (name: string) => found.find((c) => c.name === name);
    const carl = byName(j, 'Carl Lang');
    const needId = j.json<{ needs: Array<{ id: number }> }>('show', String(carl.id), '--json').needs[0]?.id;
    expect(by('Cora Plus')?.matches).toEqual([{ record: `c${by('Cora Plus')?.id}`, field: 'role', text: 'C++ developer' }]);
    expect(by('Carl Lang')?.matches).toEqual([{ record: `n${needId}`, field: 'what', text: 'a C++ mentor' }]);
    const cyd = by('Cyd Sharp')?.matches ?? [];
    expect(cyd).toHaveLength(1);
    expect(cyd[0]).toMatchObject({ field: 'summary', text: 'talked about her C++/Rust rewrite' });
    expect(cyd[0]?.record).toMatch(/^i\d+$/);
  });

  it('marks the match under each contact, naming the record', () => {
    const r = j.ok('find', 'C++');
    const cyd = byName(j, 'Cyd Sharp');
    const block = r.stdout.split('\n');
    const at = block.findIndex((l) => l.startsWith(`Cyd Sharp #${cyd.id}`));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(block[at + 1]).toMatch(/^ {2}i\d+ +conversation 2026-10-01: talked about her \[C\+\+\]\/Rust rewrite$/);
    expect(r.stdout).toContain('role: [C++] developer');
    expect(r.stdout).toContain('need 2026-10-01: a [C++] mentor');
  });

  it('a plain word still finds every record that has a word starting with it', () => {
    const found = j.json<FoundJson[]>('find', 'chic', '--json');
    const a = found.find((c) => c.name === 'Person A');
    expect(found.map((c) => c.name)).toEqual(['Person A']);
    expect(a?.matches.map((m) => `${m.record.replace(/\d+/, '')} ${m.field}`).sort()).toEqual(['c company', 'c met_where', 'i summary', 'n what']);
  });
});

describe('net find shows why', () => {
  let j: TempJournal;
  beforeAll(() => {
    j = tempJournal();
    j.ok('add', 'Dana Whitfield', '--company', 'Sell Computers', '--met', 'coffee at Bennu', '--tag', 'data');
    j.ok('lead', 'Dana', 'Bob runs data at Acme', '--person', 'Bob Ortiz', '--company', 'Acme');
    j.ok('promise', 'Dana', 'send the Acme deck');
    j.ok('add', 'Evil Name', '--note', 'acme\u001b[31m red \u202e and more');
  });

  it('every contact in --json has matches, and each names a record of theirs', () => {
    const found = j.json<FoundJson[]>('find', 'acme', '--json');
    expect(found.map((c) => c.name).sort()).toEqual(['Bob Ortiz', 'Dana Whitfield', 'Evil Name']);
    for (const c of found) {
      expect(c.matches.length).toBeGreaterThan(0);
      for (const m of c.matches) {
        expect(Object.keys(m).sort()).toEqual(['field', 'record', 'text']);
        expect(m.record).toMatch(/^[cilpn]\d+$/);
        expect(m.text.toLowerCase()).toContain('acme');
      }
    }
    const dana = found.find((c) => c.name === 'Dana Whitfield');
    expect(dana?.matches.map((m) => `${m.record[0]}:${m.field}`).sort()).toEqual(['l:company', 'l:what', 'p:what']);
    const bob = found.find((c) => c.name === 'Bob Ortiz');
    // The lead's person is listed too; `lead --person --company` also gave Bob the company.
    expect(bob?.matches.map((m) => `${m.record[0]}:${m.field}`)).toEqual(['c:company', 'l:what', 'l:company']);
    // JSON keeps the journal's raw text.
    expect(found.find((c) => c.name === 'Evil Name')?.matches[0]?.text).toBe('acme\u001b[31m red \u202e and more');
  });

  it('the marked text on a terminal-less run is escaped', () => {
    const r = j.ok('find', 'acme');
    expect(r.stdout).not.toMatch(UNSAFE_CHARS);
    expect(r.stdout).toContain('notes: [acme]\\x1b[31m red \\u202e and more');
  });

  it('words in different records do not make a match', () => {
    expect(j.json<FoundJson[]>('find', 'bennu deck', '--json')).toEqual([]);
    expect(j.ok('find', 'bennu deck').stdout).toContain('Nothing in the journal matches "bennu deck".');
  });
});

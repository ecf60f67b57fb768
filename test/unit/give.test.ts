// Ways to give (issue 12, item 13): the "X needs …" hint points at a need only on a word
// rare in the journal's own text, or on two shared significant words.
import { describe, expect, it } from 'vitest';
import { isRare, keywords, needsMatching, RARE_DOCS } from '../../src/core/give.js';
import type { ContactRef, Need } from '../../src/core/types.js';

const SAM: ContactRef = { id: 1, name: 'Sam' };

function need(what: string, over: Partial<Need> = {}): Need {
  return { id: 1, uuid: 'n-uuid', contact: SAM, what, notedOn: '2026-04-14', status: 'open', closedOn: null, ...over };
}

describe('keywords', () => {
  it.each([
    // The false positives of the issue: the job search's own words say nothing about a need.
    ['looking for a senior data role', []],
    ['a referral at the meetup', []],
    ['job hiring intro coffee', []],
    ['recruiter interview offer resume linkedin', []],
    ['talked about the team, next week', []],
    // Numbers alone, one-letter words and stop words are dropped; the rest is folded.
    ['10 years in 2026 at a', []],
    ['an intro at Acme', ['acme']],
    ['Kubernetes and Rust', ['kubernetes', 'rust']],
    ['José at Société Générale', ['jose', 'societe', 'generale']],
    ['C++ and C# folks', ['c++', 'c#']],
    ['Series B fintech, 2 rounds', ['series', 'fintech', 'rounds']],
  ])('%j → %j', (text, words) => {
    expect([...keywords(text)]).toEqual(words);
  });
});

describe('isRare', () => {
  it.each([
    // At most RARE_DOCS needs and logs: rare however small the journal.
    [1, 2, true],
    [RARE_DOCS, 3, true],
    [RARE_DOCS, 10, true],
    [RARE_DOCS + 1, 10, false],
    // Beyond that, under 5% of them: 4 of 81 is rare, 4 of 80 (5%) is not.
    [4, 81, true],
    [4, 80, false],
    [49, 1000, true],
    [50, 1000, false],
    [500, 1000, false],
  ])('a word in %i of %i needs and logs: %s', (docs, total, rare) => {
    expect(isRare(docs, total)).toBe(rare);
  });
});

describe('needsMatching', () => {
  // A journal of 1,000 needs and logs: "acme" is in 2 of them, "python" in 300 and
  // "fintech" in 200; the rest of the words are in none.
  const counts: Record<string, number> = { acme: 2, python: 300, fintech: 200, stripe: 40, payments: 60 };
  const asked: string[] = [];
  const docsWith = (w: string) => {
    asked.push(w);
    return counts[w] ?? 0;
  };
  const total = () => 1000;

  it.each<[string, string, boolean]>([
    // The false positives stay silent: generic words are never a match.
    ['a senior data role', 'met a senior data engineer about a role', false],
    ['a referral', 'asked her for a referral', false],
    ['people from the PyData meetup', 'great meetup tonight', false],
    ['a job at a startup hiring', 'they are hiring for jobs', false],
    ['an intro to someone', 'coffee intro', false],
    // One shared word: only if rare in the journal.
    ['an intro at Acme', 'knows the Acme CTO', true],
    ['a Python mentor', 'a Python meetup', false],
    // Two shared significant words: even common ones.
    ['Python work in fintech', 'python shop in fintech', true],
    ['someone at Stripe payments', 'Stripe payments team lead', true],
    // Nothing shared.
    ['an intro at Acme', 'lunch with Globex', false],
  ])('need %j, text %j: %s', (what, text, matches) => {
    expect(needsMatching([text], [need(what)], docsWith, total)).toHaveLength(matches ? 1 : 0);
  });

  it('reads no counts unless exactly one word is shared', () => {
    asked.length = 0;
    needsMatching(['Stripe payments'], [need('Stripe payments')], docsWith, total);
    needsMatching(['Globex'], [need('Acme')], docsWith, total);
    expect(asked).toEqual([]);
    needsMatching(['Acme'], [need('Acme')], docsWith, total);
    expect(asked).toEqual(['acme']);
  });

  it('counts each word once, however many needs share it alone', () => {
    asked.length = 0;
    const needs = [need('an intro at Acme', { id: 1 }), need('Acme hardware', { id: 2 }), need('someone at Acme', { id: 3 })];
    expect(needsMatching(['knows the Acme CTO'], needs, docsWith, total).map((n) => n.id)).toEqual([1, 2, 3]);
    expect(asked).toEqual(['acme']);
  });

  it('matches a word however the need writes it: accents, case, and next to punctuation', () => {
    const needs = [need('Intro at SOCIÉTÉ Générale', { id: 1 }), need('C++/Rust folks', { id: 2 }), need('a société-wide role', { id: 3 }), need('Société', { id: 4 })];
    expect(needsMatching(['societe generale', 'c++ rust'], needs, docsWith, total).map((n) => n.id)).toEqual([1, 2, 3, 4]);
  });

  it('leaves out closed needs, and matches words of any of the texts', () => {
    const needs = [need('an intro at Acme', { id: 1 }), need('an intro at Acme', { id: 2, status: 'met' })];
    expect(needsMatching([null, undefined, 'Acme'], needs, docsWith, total).map((n) => n.id)).toEqual([1]);
    expect(needsMatching([null, ''], needs, docsWith, total)).toEqual([]);
  });
});

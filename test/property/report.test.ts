// Property-based tests of the markdown report's fast path: the give-and-take counts kept
// on contacts by triggers, and the sections SQLite writes (store/report.ts, checked by
// render/markdown.ts), held to the report built from records, byte for byte.
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastMarkdown, fullReport } from '../../src/commands/report.js';
import { addDays } from '../../src/core/dates.js';
import { countLedger } from '../../src/core/ledger.js';
import { matchKey } from '../../src/core/names.js';
import { INTERACTION_KINDS, LEAD_STATUSES, NEED_STATUSES, PROMISE_STATUSES } from '../../src/core/types.js';
import { reportMarkdown } from '../../src/render/markdown.js';
import { Journal } from '../../src/store/journal.js';
import { migrate } from '../../src/store/migrations/index.js';
import { configure } from '../../src/store/open.js';
import { LEDGER_COLUMNS } from '../../src/store/report.js';

const RUNS = 150;
const TODAY = '2026-06-15';
const FROM = '2026-06-09';
const day = fc.integer({ min: -3, max: 20 }).map((k) => addDays(TODAY, -k));

/** Journal text: mostly plain (with markdown punctuation, which escaping handles), sometimes hostile. */
const PLAIN = ['a', 'Z', 'é', 'ß', '中', '😀', ' ', '-', '.', '|', '\\', '*', '_', '#', '<', '[', ',', ':', '@', '=', '1', '2'];
const HOSTILE = ['\u001e', '\u001f', '\u001d', '\u001b', '\n', '\t', '\u0000', '\u0085', '\u202e', '\u00a0', '\u2028', '\ufeff', ' ', ', ', ' ,'];
/**
 * Text as people type it: no space at either end, none doubled, none before a comma, and
 * no comma first (a conversation's names joined by ", " would then hold " , ", which the
 * check declines, rightly but needlessly).
 */
const plainText = fc
  .string({ unit: fc.constantFrom(...PLAIN), maxLength: 12 })
  .map((t) => t.replace(/ +/g, ' ').replace(/ ,/g, ',').replace(/^[ ,]+/, '').trim());
const anyText = fc.oneof(
  { weight: 6, arbitrary: plainText },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...PLAIN, ...HOSTILE), maxLength: 12 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(' ', '\u00a0', '\u3000', ''), plainText, fc.constantFrom(' ', '\u2028', '\ufeff', '')).map(([a, t, b]) => a + t + b) },
);
/**
 * Dates as a journal edited by hand may hold them: mostly real, sometimes not YYYY-MM-DD
 * (where the due rules, which refuse such dates, do not read them).
 */
const dateLike = fc.oneof({ weight: 12, arbitrary: day }, { weight: 1, arbitrary: day.map((d) => `${d} `) }, { weight: 1, arbitrary: fc.constant('2026-6-10') });

const journalArb = (text: fc.Arbitrary<string>, dates: fc.Arbitrary<string>) =>
  fc.record({
    people: fc.array(fc.record({ name: text, metOn: fc.option(day, { nil: null }) }), { minLength: 1, maxLength: 8 }),
    introductions: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }),
    talks: fc.array(
      fc.record({
        who: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
        on: day,
        kind: fc.constantFrom(...INTERACTION_KINDS),
        summary: fc.option(text, { nil: null }),
        thanksOwed: fc.boolean(),
        thankedOn: fc.option(dates, { nil: null }),
        noReply: fc.boolean(),
      }),
      { maxLength: 10 },
    ),
    leads: fc.array(fc.record({ source: fc.nat(), status: fc.constantFrom(...LEAD_STATUSES), on: day, what: text }), { maxLength: 8 }),
    promises: fc.array(
      fc.record({ who: fc.nat(), direction: fc.constantFrom('mine' as const, 'theirs' as const), status: fc.constantFrom(...PROMISE_STATUSES), on: day }),
      { maxLength: 8 },
    ),
    needs: fc.array(fc.record({ who: fc.nat(), status: fc.constantFrom(...NEED_STATUSES), on: dates, what: text }), { maxLength: 8 }),
    // Later changes, which the counting triggers must follow.
    changes: fc.array(
      fc.record({ what: fc.constantFrom('lead', 'promise', 'need', 'introduce', 'remove', 'merge', 'drop-lead', 'move-promise'), a: fc.nat(), b: fc.nat() }),
      { maxLength: 6 },
    ),
    graph: fc.boolean(),
  });

type ReportJournal = ReturnType<typeof journalArb> extends fc.Arbitrary<infer R> ? R : never;

/** Builds the journal through the store, then stores its text exactly, as an import or a hand edit can. */
function build(g: ReportJournal, j = Journal.open(':memory:')): Journal {
  const ids = g.people.map((p, i) => {
    const id = j.contacts.insert({ name: `P${i}`, metOn: p.metOn });
    j.db.raw.prepare('UPDATE contacts SET name = ?, name_key = ? WHERE id = ?').run(p.name === '' ? `p${i}` : p.name, matchKey(p.name), id);
    return id;
  });
  const live = () => (ids.length ? (j.db.raw.prepare('SELECT id FROM contacts ORDER BY id').pluck().all() as number[]) : ids);
  const pick = (n: number) => {
    const all = live();
    return all[n % all.length] as number;
  };
  for (const [a, b] of g.introductions) if (pick(a) !== pick(b)) j.contacts.update(pick(b), { introducedBy: pick(a) });
  for (const t of g.talks) {
    const id = j.interactions.insert({ contactIds: [...new Set(t.who.map(pick))], on: TODAY, kind: t.kind, thanksOwed: t.thanksOwed, noReply: t.noReply });
    j.db.raw.prepare('UPDATE interactions SET on_date = ?, summary = ?, thanked_on = ? WHERE id = ?').run(t.on, t.summary, t.thankedOn, id);
  }
  for (const l of g.leads) j.leads.insert({ sourceId: pick(l.source), what: l.what === '' ? 'a lead' : l.what, givenOn: l.on, status: l.status });
  for (const p of g.promises)
    j.promises.insert({ contactId: pick(p.who), what: 'a promise', direction: p.direction, madeOn: p.on, status: p.status, closedOn: p.status === 'open' ? null : p.on });
  for (const n of g.needs) {
    const id = j.needs.insert({ contactId: pick(n.who), what: 'x', notedOn: TODAY, status: n.status, closedOn: n.status === 'open' ? null : TODAY });
    j.db.raw.prepare('UPDATE needs SET what = ?, noted_on = ? WHERE id = ?').run(n.what, n.on, id);
  }
  const first = (table: string, n: number) => {
    const all = j.db.raw.prepare(`SELECT id FROM ${table} ORDER BY id`).pluck().all() as number[];
    return all.length ? (all[n % all.length] as number) : undefined;
  };
  for (const c of g.changes) {
    const run = (sql: string, ...params: unknown[]) => j.db.raw.prepare(sql).run(...params);
    if (c.what === 'lead' && first('leads', c.a)) run('UPDATE leads SET status = ? WHERE id = ?', LEAD_STATUSES[c.b % LEAD_STATUSES.length], first('leads', c.a));
    if (c.what === 'drop-lead' && first('leads', c.a)) run('DELETE FROM leads WHERE id = ?', first('leads', c.a));
    if (c.what === 'promise' && first('promises', c.a)) run('UPDATE promises SET status = ? WHERE id = ?', PROMISE_STATUSES[c.b % PROMISE_STATUSES.length], first('promises', c.a));
    if (c.what === 'move-promise' && first('promises', c.a)) run('UPDATE promises SET contact_id = ?, direction = ? WHERE id = ?', pick(c.b), c.b % 2 ? 'mine' : 'theirs', first('promises', c.a));
    if (c.what === 'need' && first('needs', c.a)) run('UPDATE needs SET status = ? WHERE id = ?', NEED_STATUSES[c.b % NEED_STATUSES.length], first('needs', c.a));
    if (c.what === 'introduce' && pick(c.a) !== pick(c.b)) j.contacts.update(pick(c.b), { introducedBy: pick(c.a) });
    if (c.what === 'remove' && live().length > 1) j.contacts.remove(pick(c.a));
    if (c.what === 'merge' && live().length > 1 && pick(c.a) !== pick(c.b)) {
      const [keep, other] = [pick(c.a), pick(c.b)];
      j.write(() => {
        run('UPDATE leads SET source_id = ? WHERE source_id = ?', keep, other);
        run('UPDATE promises SET contact_id = ? WHERE contact_id = ?', keep, other);
        run('UPDATE needs SET contact_id = ? WHERE contact_id = ?', keep, other);
        run('UPDATE contacts SET introduced_by = ? WHERE introduced_by = ? AND id <> ?', keep, other, keep);
        run('UPDATE contacts SET introduced_by = NULL WHERE id = ? AND introduced_by = ?', keep, other);
        run('DELETE FROM interaction_contacts WHERE contact_id = ?', other);
        run('DELETE FROM contacts WHERE id = ?', other);
      });
    }
  }
  return j;
}

/** The counts kept on each contact against `countLedger()` of their records. */
function expectCountsKept(j: Journal) {
  const columns = Object.entries(LEDGER_COLUMNS);
  const rows = j.db.raw.prepare(`SELECT id, ${columns.map(([, c]) => c).join(', ')} FROM contacts ORDER BY id`).raw(true).all() as number[][];
  for (const [id, ...kept] of rows) {
    const counts = countLedger({
      contactId: id as number,
      leadsGiven: j.leads.bySource(id as number),
      introductions: j.contacts.introducedBy(id as number),
      promises: j.promises.forContact(id as number),
      needs: j.needs.forContact(id as number),
      thanked: j.interactions.forContact(id as number).filter((i) => i.thankedOn !== null).length,
    });
    expect(kept, `contact ${id}`).toEqual(columns.map(([key]) => counts[key as keyof typeof counts]));
  }
}

/** The report both ways: `fast` undefined when the fast path declined. */
function bothWays(j: Journal, graph: boolean) {
  return j.read(() => ({
    fast: fastMarkdown(j, TODAY, FROM, TODAY, graph),
    full: reportMarkdown(fullReport(j, TODAY, FROM, TODAY), { today: TODAY, graph }),
  }));
}

describe('give-and-take counts kept on contacts', () => {
  it('equal countLedger() of the records after inserts, status changes, moves, removals and merges', () => {
    fc.assert(
      fc.property(journalArb(plainText, day), (g) => {
        const j = build(g);
        try {
          expectCountsKept(j);
        } finally {
          j.close();
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('are counted for the records already there when a journal of schema 6 is migrated', () => {
    fc.assert(
      fc.property(journalArb(plainText, day), (g) => {
        const raw = new Database(':memory:');
        configure(raw);
        migrate(raw, 6);
        const j = build(g, new Journal(raw, ':memory:'));
        try {
          expect(migrate(raw, 7)).toEqual([7]);
          expectCountsKept(j);
        } finally {
          j.close();
        }
      }),
      { numRuns: RUNS / 5 },
    );
  });
});

describe('the markdown report with the sections SQLite writes', () => {
  it('is byte for byte the report from records, for journals of ordinary text (and takes the fast path)', () => {
    fc.assert(
      fc.property(journalArb(plainText, day), (g) => {
        const j = build(g);
        try {
          const { fast, full } = bothWays(j, g.graph);
          expect(fast).toBe(full);
        } finally {
          j.close();
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('declines when text with separators would make up for a row SQLite could not write', () => {
    const j = Journal.open(':memory:');
    try {
      const ann = j.contacts.insert({ name: 'Ann' });
      const eve = j.contacts.insert({ name: 'Eve' });
      const odd = j.interactions.insert({ contactIds: [ann], on: '2026-06-10', kind: 'call', thanksOwed: false });
      const forged = j.interactions.insert({ contactIds: [ann], on: '2026-06-11', kind: 'call', thanksOwed: false });
      j.db.raw.prepare('UPDATE interactions SET on_date = ? WHERE id = ?').run('2026-06-10T09:00', odd);
      j.db.raw.prepare('UPDATE interactions SET summary = ? WHERE id = ?').run('lunch\x1f \x1e2026-06-12\x1fcoffee\x1fBob\x1fforged', forged);
      const need = j.needs.insert({ contactId: eve, what: 'x', notedOn: TODAY });
      j.needs.insert({ contactId: eve, what: 'money\x1f2026-06-01\x1en9\x1fEve\x1fmore money', notedOn: TODAY });
      j.db.raw.prepare('UPDATE needs SET noted_on = ? WHERE id = ?').run('2026-6-10', need);
      const { fast, full } = bothWays(j, false);
      expect(full).toContain('2026-06-10T09:00');
      expect(fast).toBeUndefined();
    } finally {
      j.close();
    }
  });

  it('with anything in the text and dates, is the same report or declines', () => {
    let declined = 0;
    fc.assert(
      fc.property(journalArb(anyText, dateLike), (g) => {
        const j = build(g);
        try {
          const { fast, full } = bothWays(j, g.graph);
          if (fast === undefined) declined++;
          else expect(fast).toBe(full);
        } finally {
          j.close();
        }
      }),
      { numRuns: RUNS * 2 },
    );
    // Both outcomes were seen, so both were tested.
    expect(declined).toBeGreaterThan(0);
    expect(declined).toBeLessThan(RUNS * 2);
  });
});

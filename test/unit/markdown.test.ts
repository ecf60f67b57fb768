import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { ledgerFrom } from '../../src/core/ledger.js';
import { buildReport, type ReportInput } from '../../src/core/report.js';
import type { Contact, ContactRef, Interaction, Job, Lead, Need, Pledge } from '../../src/core/types.js';
import { mdText, reportMarkdown } from '../../src/render/markdown.js';

const SECTIONS = ['Pipeline', 'Owed now', 'Conversations', 'Leads', 'Promises', 'Ways to give', 'Give and take', 'Resting'];

function html(md: string): string {
  return micromark(md, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true });
}

/** Every table's rows, each as its list of cells, from rendered HTML. */
function tables(h: string): string[][][] {
  return [...h.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((t) =>
    [...(t[1] ?? '').matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => [...(r[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1] ?? '')),
  );
}

function contact(id: number, name: string, extra: Partial<Contact> = {}): Contact {
  return {
    id,
    uuid: `u${id}`,
    name,
    givenName: null,
    familyName: null,
    phoneType: null,
    company: null,
    role: null,
    email: null,
    phone: null,
    url: null,
    metWhere: null,
    metOn: '2026-10-01',
    introducedBy: null,
    tags: [],
    notes: null,
    cadenceDays: 90,
    archived: false,
    snoozedUntil: null,
    createdAt: '2026-10-01T10:00:00.000Z',
    lastContact: null,
    ...extra,
  };
}

const HOSTILE = [
  'Ann | Bee <b>x</b> [y](http://z)',
  '# Acme',
  '<script>alert(1)</script>',
  '![img](http://evil/x.png)',
  'www.example.com and mail@example.com',
  '`code | pipe`',
  'line one\nline two\r\n# heading',
  '> quote',
  '1. list',
  '- item',
  '**bold** _em_ ~~del~~',
  '\\| escaped pipe',
  '&lt;entity&gt; &amp;',
  '[ref]: http://x',
  '\u001b[31mred\u001b[0m',
];

function hostileInput(): ReportInput {
  const contacts = HOSTILE.map((name, i) => contact(i + 1, name, { company: HOSTILE[(i + 1) % HOSTILE.length] ?? null }));
  const refs = contacts.map((c) => ({ id: c.id, name: c.name }));
  const a = refs[0]!;
  const b = refs[1]!;
  contacts[1]!.introducedBy = a;
  const interactions: Interaction[] = HOSTILE.map((summary, i) => ({
    id: i + 1,
    uuid: `i${i}`,
    contacts: [refs[i]!, refs[(i + 1) % refs.length]!],
    on: '2026-10-01',
    kind: 'coffee',
    summary,
    thanksOwed: true,
    thankedOn: null,
    noReply: false,
    snoozedUntil: null,
  }));
  const leads: Lead[] = HOSTILE.map((what, i) => ({
    id: i + 1,
    uuid: `l${i}`,
    source: refs[i]!,
    what,
    person: i % 2 ? b : null,
    company: what,
    job: what,
    givenOn: '2026-10-01',
    status: 'followed',
    followedOn: '2026-10-01',
    reportedOn: null,
    outcome: what,
    snoozedUntil: null,
  }));
  const pledges: Pledge[] = HOSTILE.map((what, i) => ({
    id: i + 1,
    uuid: `p${i}`,
    contact: refs[i]!,
    what,
    direction: i % 2 ? 'mine' : 'theirs',
    madeOn: '2026-09-01',
    by: null,
    status: 'open',
    closedOn: null,
    nudges: i % 3,
    lastNudgedOn: null,
    snoozedUntil: null,
  }));
  const needs: Need[] = HOSTILE.map((what, i) => ({
    id: i + 1,
    uuid: `n${i}`,
    contact: refs[i]!,
    what,
    notedOn: '2026-10-01',
    status: 'open',
    closedOn: null,
  }));
  // Applications with hostile titles and companies, one landed: the pipeline and "Thank everyone" tables.
  const jobs: Job[] = HOSTILE.map((title, i) => ({
    id: i + 1,
    uuid: `j${i}`,
    title,
    company: title,
    url: null,
    via: refs[i]!,
    lead: null,
    stage: i === 0 ? 'accepted' : 'interview',
    stageOn: '2026-09-30',
    startedOn: '2026-09-20',
    askedOn: null,
    landedOn: i === 0 ? '2026-10-01' : null,
    note: null,
    snoozedUntil: null,
    people: i === 0 ? refs.map((c) => ({ contact: c, met: false, helped: title, toldOn: null })) : [],
  }));
  const due = { pledges, thanks: interactions, leads, activity: [], jobs };
  return { period: { from: '2026-09-26', to: '2026-10-02' }, met: contacts, interactions, leads, pledges, needs, due, jobs };
}

/** The report with everyone in its records and their ledgers, computed from the same records. */
function build(r: ReportInput) {
  const people = new Map<number, ContactRef>();
  for (const c of [...r.interactions.flatMap((i) => i.contacts), ...r.leads.map((l) => l.source), ...r.pledges.map((p) => p.contact), ...r.needs.map((n) => n.contact)]) {
    people.set(c.id, c);
  }
  const giveAndTake = [...people.values()].map((c) => ({
    contact: c,
    ledger: ledgerFrom({
      leads: r.leads.filter((l) => l.source.id === c.id && l.status !== 'dropped').length,
      introductions: r.met.filter((m) => m.introducedBy?.id === c.id).length,
      introsMade: r.interactions.filter((i) => i.introByMe && i.contacts.some((x) => x.id === c.id)).length,
      theirsKept: r.pledges.filter((p) => p.contact.id === c.id && p.direction === 'theirs' && p.status === 'kept').length,
      thanked: r.interactions.filter((i) => i.thankedOn !== null && i.contacts.some((x) => x.id === c.id)).length,
      mineKept: r.pledges.filter((p) => p.contact.id === c.id && p.direction === 'mine' && p.status === 'kept').length,
      needsMet: r.needs.filter((n) => n.contact.id === c.id && n.status === 'met').length,
    }),
  }));
  return buildReport(r, giveAndTake);
}

describe('mdText', () => {
  it('escapes markdown punctuation and flattens lines', () => {
    expect(mdText('a|b')).toBe('a\\|b');
    expect(mdText('# x')).toBe('\\# x');
    expect(mdText('x\ny')).toBe('x y');
    expect(mdText(null)).toBe('');
  });

  it.each(HOSTILE)('renders %j as its own literal text', (text) => {
    const rendered = html(`| a |\n| --- |\n| ${mdText(text)} |\n`);
    const cell = tables(rendered)[0]?.[1]?.[0] ?? '';
    const visible = cell
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
    const expected = text.replace(/\u001b/g, '\\x1b').replace(/[\r\n]+/g, ' ').trim();
    expect(visible).toBe(expected);
  });
});

describe('the report', () => {
  it('keeps hostile journal text inert: no HTML, links, headings or extra columns', () => {
    const md = reportMarkdown(build(hostileInput()), { today: '2026-10-02', graph: true });
    const h = html(md);
    expect(h).not.toMatch(/<a\s/);
    expect(h).not.toMatch(/<img/);
    expect(h).not.toMatch(/<script/);
    expect(h).not.toMatch(/<b>/);
    expect(h).not.toMatch(/<(strong|em|del|blockquote|ol|ul|code)>/);
    expect(md).not.toMatch(/\u001b/);
    expect([...h.matchAll(/<h1>/g)]).toHaveLength(1);
    expect([...h.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1])).toEqual([SECTIONS[0], 'Thank everyone', ...SECTIONS.slice(1), 'Who led to whom']);
    const all = tables(h);
    expect(all.length).toBeGreaterThanOrEqual(7);
    for (const t of all) {
      const width = t[0]?.length ?? 0;
      expect(width).toBeGreaterThan(1);
      for (const row of t) expect(row).toHaveLength(width);
    }
    // The rows made it: one per hostile conversation.
    expect(all[1]).toHaveLength(HOSTILE.length + 1);
  });

  it('an empty journal still has every section, in order, each saying it is empty', () => {
    const md = reportMarkdown(
      build({ period: { from: '2026-09-26', to: '2026-10-02' }, met: [], interactions: [], leads: [], pledges: [], needs: [], due: { pledges: [], thanks: [], leads: [], activity: [] } }),
      { today: '2026-10-02', graph: false },
    );
    const h = html(md);
    expect(h).toMatch(/<h1>Networking report: 2026-09-26 to 2026-10-02<\/h1>/);
    expect([...h.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1])).toEqual(SECTIONS);
    expect([...h.matchAll(/<em>/g)]).toHaveLength(SECTIONS.length);
    expect(h).not.toMatch(/<table>/);
    // The contract's last section, named as it says, with what it holds.
    expect(md).toMatch(/\n## Resting\n\n_Nothing is resting, snoozed or planned for a later day\._\n?$/);
  });

  it('the Mermaid graph cannot be closed or broken by a name', () => {
    const input = hostileInput();
    const md = reportMarkdown(build(input), { today: '2026-10-02', graph: true });
    const block = md.slice(md.indexOf('```mermaid'));
    const body = block.slice('```mermaid'.length, block.indexOf('```', 3));
    expect(body).not.toMatch(/`/);
    for (const line of body.trim().split('\n').slice(1)) {
      expect(line).toMatch(/^ {2}(c\d+\["[^"\n]*"\]|c\d+ -->\|(introduced|lead)\| c\d+)$/);
    }
  });
});

describe('the report caps its open-ended sections (complete in JSON and in the command named)', () => {
  const people = Array.from({ length: 3 }, (_, i) => contact(i + 1, `Person ${i + 1}`));
  const ref = (i: number) => ({ id: people[i % 3]!.id, name: people[i % 3]!.name });
  function withItems(n: number): ReportInput {
    const pledges: Pledge[] = Array.from({ length: n }, (_, i) => ({
      id: i + 1,
      uuid: `p${i}`,
      contact: ref(i),
      what: `promise ${i + 1}`,
      direction: 'mine',
      madeOn: '2026-09-01',
      by: '2026-09-15',
      status: 'open',
      closedOn: null,
      nudges: 0,
      lastNudgedOn: null,
      snoozedUntil: null,
    }));
    const needs: Need[] = Array.from({ length: n }, (_, i) => ({
      id: i + 1,
      uuid: `n${i}`,
      contact: ref(i),
      what: `need ${i + 1}`,
      notedOn: '2026-09-01',
      status: 'open',
      closedOn: null,
    }));
    const due = { pledges, thanks: [], leads: [], activity: [] };
    return { period: { from: '2026-09-26', to: '2026-10-02' }, met: [], interactions: [], leads: [], pledges, needs, due };
  }

  it.each([
    [0, null],
    [1, null],
    [20, null],
    [21, '… and 1 more'],
    [1756, '… and 1,736 more'],
  ])('%i owed items and as many open needs: the first 20 of each, then %s', (n, more) => {
    const r = build(withItems(n));
    expect(r.owedNow).toHaveLength(n);
    const md = reportMarkdown(r, { today: '2026-10-02', graph: false });
    const h = html(md);
    const rows = tables(h).map((t) => t.length - 1);
    const shown = Math.min(n, 20);
    // Owed now, Promises and Give and take (never capped), Ways to give.
    expect(rows).toEqual(n === 0 ? [] : [shown, n, shown, Math.min(n, 3)]);
    if (more === null) {
      expect(md).not.toContain('more:');
    } else {
      expect(md).toContain(`\n\n${more}: net due\n`);
      expect(md).toContain(`\n\n${more}: net needs\n`);
      // A paragraph of its own, not a row of the table above.
      expect(h).toContain(`<p>${more}: net due</p>`);
    }
    // The most urgent first: the table holds the first items in order.
    const owed = tables(h)[0]?.slice(1).map((row) => row[0]) ?? [];
    expect(owed).toEqual(r.owedNow.slice(0, 20).map((d) => d.id));
  });

  it('counts the open needs it was told of when it was given only the first (a markdown report reads no more)', () => {
    const all = withItems(1756);
    const whole = reportMarkdown(build(all), { today: '2026-10-02', graph: false });
    const first = reportMarkdown(build({ ...all, needs: all.needs.slice(0, 20), needsOpen: 1756 }), { today: '2026-10-02', graph: false });
    expect(first).toBe(whole);
    expect(first).toContain('\n\n… and 1,736 more: net needs\n');
  });
});

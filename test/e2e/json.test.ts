// The JSON output of every command is the stable interface: its keys are listed in
// ARCHITECTURE.md ("JSON output"), and this test holds each command's output to that list,
// so that a key is never renamed or dropped without the document (and the user) knowing.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupJournals, ROOT, type TempJournal, tempJournal } from './helpers.js';

type Json = Record<string, unknown>;

/** The `json-keys` block of ARCHITECTURE.md: each shape's keys, `x + ...` extending shape x. */
function documentedShapes(): Map<string, string[]> {
  const doc = fs.readFileSync(path.join(ROOT, 'ARCHITECTURE.md'), 'utf8');
  const block = /```json-keys\n([\s\S]*?)```/.exec(doc)?.[1];
  if (!block) throw new Error('ARCHITECTURE.md has no json-keys block');
  const shapes = new Map<string, string[]>();
  for (const line of block.trim().split('\n')) {
    const [name, spec] = line.split(/:\s+/) as [string, string];
    const words = spec.split(/\s+/);
    const keys = words[1] === '+' ? [...(shapes.get(words[0] as string) ?? []), ...words.slice(2)] : words;
    shapes.set(name, keys);
  }
  return shapes;
}

let j: TempJournal;
const shapes = documentedShapes();
const keysOf = (name: string) => {
  const keys = shapes.get(name);
  if (!keys) throw new Error(`ARCHITECTURE.md documents no shape "${name}"`);
  return [...keys].sort();
};
const expectShape = (value: unknown, name: string) => {
  expect(value, name).toBeTypeOf('object');
  expect(Object.keys(value as Json).sort(), name).toEqual(keysOf(name));
};
const expectEach = (values: unknown, name: string) => {
  expect(Array.isArray(values), name).toBe(true);
  expect((values as unknown[]).length, `${name}: some to check`).toBeGreaterThan(0);
  for (const v of values as unknown[]) expectShape(v, name);
};

beforeAll(() => {
  j = tempJournal({ today: '2026-10-01' });
  j.ok('add', 'Dana Whitfield', '--company', 'Acme', '--met', 'coffee at Bennu', '--on', '2026-09-20', '--every', '30d');
  j.ok('add', 'Bob Ortiz', '--company', 'Acme', '--via', 'Dana Whitfield', '--on', '2026-09-25');
  j.ok('add', 'Cy Lin', '--company', 'Acme Inc', '--via', 'Ed Stone');
  j.ok('lead', 'Ed Stone', 'Acme is hiring', '--company', 'ACME');
  j.ok('need', 'Cy Lin', 'a mentor');
  j.ok('need', 'Ed Stone', 'a co-founder');
  j.ok('log', 'Dana', 'coffee about the data team', '--kind', 'coffee', '--with', 'Bob', '--on', '2026-09-28');
  j.ok('lead', 'Dana', 'Priya runs data at Acme', '--person', 'Bob');
  j.ok('promise', 'Dana', 'send my notes', '--by', '2026-09-29');
  j.ok('promise', 'Bob', 'intro to his manager', '--theirs');
  j.ok('need', 'Bob', 'an intro at Globex');
  j.ok('note', 'Dana', 'moved to the platform team');
  j.ok('job', 'add', 'Data engineer', '--company', 'Acme', '--via', 'Dana', '--lead', 'l1', '--with', 'Bob');
  j.ok('log', 'Bob', 'lunch with his team', '--kind', 'meeting', '--on', '2026-10-05');
}, 60_000);

afterAll(cleanupJournals);

describe('JSON output keys (ARCHITECTURE.md)', () => {
  it('net list --json: contacts, with introduced_by a ref', () => {
    const list = j.json<Json[]>('list', '--json');
    expectEach(list, 'contact');
    expectShape(list.find((c) => c.name === 'Bob Ortiz')?.introduced_by, 'ref');
  });

  it('net find --json: contacts with their matches', () => {
    const found = j.json<Json[]>('find', 'acme', '--json');
    expectEach(found, 'found');
    for (const f of found) expectEach(f.matches, 'match');
  });

  it('net show --json: the contact and everything of theirs', () => {
    const dana = j.json<Json>('show', 'Dana', '--json');
    expectShape(dana, 'show');
    expectEach(dana.interactions, 'interaction');
    expectEach(dana.leads, 'lead');
    expectEach(dana.promises, 'promise');
    expectEach(dana.due, 'due');
    expectShape(dana.ledger, 'ledger');
    expectEach(dana.dated_notes, 'note');
    expectShape((dana.dated_notes as Json[])[0]?.contact, 'ref');
    expectEach((dana.interactions as Json[])[0]?.contacts, 'ref');
    const lead = (dana.leads as Json[])[0] as Json;
    expectShape(lead.source, 'ref');
    expectShape(lead.person, 'ref');
    expectEach(j.json<Json>('show', 'Bob', '--json').needs, 'need');
  });

  it('net due --json and net needs --json', () => {
    const due = j.json<Json[]>('due', '--json');
    expectEach(due, 'due');
    expectEach(j.json<Json[]>('due', '--all', '--json'), 'due');
    for (const d of due) expectShape(d.contact, 'ref');
    const needs = j.json<Json[]>('needs', '--json');
    expectEach(needs, 'need');
    expectShape(needs[0]?.contact, 'ref');
  });

  it('net jobs --json: applications with their referrer, lead and people', () => {
    const jobs = j.json<Json[]>('jobs', '--json');
    expectEach(jobs, 'job');
    const job = jobs[0] as Json;
    expectShape(job.via, 'ref');
    expectShape(job.lead, 'job_lead');
    expectShape((job.lead as Json).source, 'ref');
    expectEach(job.people, 'job_person');
    expectShape((job.people as Json[])[0]?.contact, 'ref');
    expectEach(j.json<Json[]>('jobs', '--all', '--json'), 'job');
  });

  it('net import <calendar> --json: the summary of logged conversations', () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'UID:json-1',
      'DTSTART:20260915T100000Z',
      'SUMMARY:Lunch',
      'ATTENDEE;CN=Dana Whitfield:mailto:dana@elsewhere.example',
      'ATTENDEE;CN=Sam Stranger:mailto:sam@elsewhere.example',
      'ATTENDEE:mailto:me@example.com',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:json-2',
      'DTSTART:20260916T100000Z',
      'STATUS:CANCELLED',
      'ATTENDEE;CN=Dana Whitfield:mailto:dana@elsewhere.example',
      'ATTENDEE:mailto:me@example.com',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const file = path.join(j.dir, 'cal.ics');
    fs.writeFileSync(file, ics);
    const summary = j.json<Json>('import', file, '--me', 'me@example.com', '--dry-run', '--json');
    expectShape(summary, 'conversation_import');
    expectEach(summary.logged, 'logged');
    for (const l of summary.logged as Json[]) expectShape(l.contact, 'ref');
    expectEach(summary.skipped, 'skip');
    expectEach(summary.unknown, 'unknown');
    const adding = j.json<Json>('import', file, '--me', 'me@example.com', '--dry-run', '--add-unknown', '--json');
    expectEach(adding.contacts_added, 'ref');
  });

  it('net company --json and net companies --json', () => {
    const acme = j.json<Json>('company', 'acme inc', '--json');
    expectShape(acme, 'company');
    expectEach(acme.people, 'company_person');
    expectEach(acme.leads, 'lead');
    expectEach(acme.applications, 'job');
    expectEach(acme.needs, 'need');
    expectEach(acme.introducers, 'introducer');
    expectShape((acme.introducers as Json[])[0]?.contact, 'ref');
    expectEach(j.json<Json[]>('companies', '--json'), 'company_count');
  });

  it('net landed --dry-run --json', () => {
    const landing = j.json<Json>('landed', 'Data engineer', '--company', 'Acme', '--dry-run', '--json');
    expectShape(landing, 'landing');
    expectShape(landing.job, 'job');
    expectEach(landing.helpers, 'helper');
    expectShape((landing.helpers as Json[])[0]?.contact, 'ref');
    expectEach(landing.leads_closed, 'lead');
    expectEach(landing.promises_open, 'promise');
    expectEach(landing.cadence_given, 'ref');
    expectEach(landing.pay_it_forward, 'need');
    j.ok('job', 'add', 'Analyst', '--company', 'Globex');
    expectEach(j.json<Json>('landed', 'Data engineer', '--company', 'Acme', '--dry-run', '--json').withdrawn, 'job');
  });

  it('net report --format json, with and without --graph', () => {
    const report = j.json<Json>('report', '--format', 'json');
    expectShape(report, 'report');
    expectShape(report.headline, 'headline');
    expectEach(report.pipeline, 'job');
    expectEach(report.owed_now, 'due');
    expectEach(report.held_back, 'due');
    expectEach(report.conversations, 'interaction');
    expectEach(report.leads, 'lead');
    expectEach(report.promises, 'promise');
    expectEach(report.ways_to_give, 'need');
    expectEach(report.give_and_take, 'give_and_take');
    for (const g of report.give_and_take as Json[]) expectShape(g.contact, 'ref');
    const graph = j.json<Json>('report', '--format', 'json', '--graph');
    expectShape(graph, 'report --graph');
    expectEach(graph.graph, 'graph');
  });

  it('net sync --status --json: the folder and its devices', () => {
    const folder = path.join(j.dir, 'sync');
    j.ok('sync', folder);
    const status = j.json<Json>('sync', '--status', '--json');
    expectShape(status, 'sync_status');
    expectEach(status.devices, 'sync_device');
  });
});

// `net edit` and `net rm` of interactions, leads, promises and needs (`i12`, `l3`, `p7`, `n2`),
// driven by the kinds table in core/kinds.ts. Contacts keep their own paths in edit.ts and rm.ts.
import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { type FieldDef, type RecordId, type RecordKind, recordLabel } from '../core/kinds.js';
import type { Context } from '../cli/context.js';
import { sayLeadsFollowed } from '../cli/hints.js';
import { dateOption, itemIdArg, kindOption, pastDateOption, resolveContact } from '../cli/inputs.js';
import { isJobStage, JOB_STAGES } from '../core/types.js';
import type { Journal } from '../store/journal.js';
import { followLeadIfTalked, recordExists, removeRecord, setPeople, updateRecord } from '../store/records.js';
import { describeChanges } from '../store/undo.js';
import { editedText } from '../render/history.js';
import { safeLine } from '../render/text.js';

/** The options `net edit` takes for records other than contacts. */
export interface RecordEditOptions {
  on?: string;
  kind?: string;
  summary?: string;
  with?: string[];
  add?: string[];
  drop?: string[];
  thanks?: boolean;
  reply?: boolean;
  replied?: boolean;
  what?: string;
  person?: string;
  company?: string;
  job?: string;
  by?: string;
  title?: string;
  url?: string;
  via?: string;
  lead?: string;
  stage?: string;
  note?: string;
}

/** Flags for the people of an interaction (its link table), besides the fields' own flags. */
const PEOPLE_FLAGS = ['--with', '--add', '--drop'];
/** The other half of a flag pair. */
const PAIRED: Record<string, string> = { '--thanks': '--no-thanks', '--no-reply': '--replied' };

/** Every flag a kind's records take in `net edit`. */
export function editFlags(kind: RecordKind): string[] {
  const own = kind.fields.flatMap((f) => (f.flag ? [f.flag, ...(PAIRED[f.flag] ? [PAIRED[f.flag] as string] : [])] : []));
  return kind.name === 'interaction' ? [...own, ...PEOPLE_FLAGS] : own;
}

/** The flags the user gave on the command line, as typed (`--no-thanks`, not `thanks`). */
function givenFlags(cmd: Command): string[] {
  const values = cmd.opts();
  return cmd.options
    .filter((opt) => cmd.getOptionValueSource(opt.attributeName()) === 'cli' && (opt.negate ? values[opt.attributeName()] === false : values[opt.attributeName()] !== false))
    .map((opt) => opt.long ?? '');
}

function clearable(f: FieldDef): boolean {
  return f.type === 'text' || ['by_date', 'person_id', 'via_id', 'lead_id'].includes(f.column);
}

/** The new value of one field of record `label` from its flag's text. */
async function parseField(ctx: Context, f: FieldDef, text: string, label: string): Promise<unknown> {
  if (text.trim() === '') {
    if (clearable(f)) return null;
    throw new UsageError(`${f.flag} cannot be empty: a record needs its ${f.label}.`);
  }
  switch (f.type) {
    case 'date': {
      const flag = f.flag ?? '--on';
      if (f.ahead === 'deadline') return dateOption(text, flag, ctx.today, 'future');
      if (f.ahead === 'planned') return dateOption(text, flag, ctx.today, 'past');
      return pastDateOption(text, flag, ctx.today, `the day of ${label} is when it happened: give today or an earlier day.`);
    }
    case 'interaction-kind':
      return kindOption(text);
    case 'contact':
      return (await resolveContact(ctx, text)).id;
    case 'job-stage': {
      const stage = text.trim().toLowerCase();
      if (!isJobStage(stage)) throw new UsageError(`${f.flag} "${safeLine(text)}" is not a stage. Use one of: ${JOB_STAGES.join(', ')}.`);
      return stage;
    }
    case 'lead': {
      const id = itemIdArg(text, 'l', 'lead', 'l3');
      if (!ctx.journal().leads.get(id)) throw new UsageError(`There is no lead l${id}. See someone's leads with: net show <who>`);
      return id;
    }
    default:
      return text;
  }
}

function describe(j: Journal, item: RecordId): string {
  const label = recordLabel(item.kind, item.id);
  const names = (refs: ReadonlyArray<{ name: string }>) => refs.map((r) => safeLine(r.name)).join(', ');
  switch (item.kind.name) {
    case 'interaction': {
      const x = j.interactions.get(item.id);
      return x ? `${label} (${x.kind} with ${names(x.contacts)} on ${x.on})` : label;
    }
    case 'lead': {
      const l = j.leads.get(item.id);
      return l ? `${label} (lead "${safeLine(l.what)}" from ${safeLine(l.source.name)})` : label;
    }
    case 'promise': {
      const p = j.promises.get(item.id);
      return p ? `${label} (${p.direction === 'mine' ? 'your promise to' : 'promise from'} ${safeLine(p.contact.name)}: "${safeLine(p.what)}")` : label;
    }
    case 'job': {
      const x = j.jobs.get(item.id);
      return x ? `${label} (application "${safeLine(x.title)}" at ${safeLine(x.company)})` : label;
    }
    case 'need': {
      const n = j.needs.get(item.id);
      return n ? `${label} (${safeLine(n.contact.name)} needs "${safeLine(n.what)}")` : label;
    }
    default:
      return label;
  }
}

function mustExist(j: Journal, item: RecordId): void {
  if (!recordExists(j.db, item.kind, item.id)) {
    throw new UsageError(`There is no ${item.kind.noun} ${recordLabel(item.kind, item.id)}. See the records of a contact with: net show <who>`);
  }
}

/** `net edit i12 …`: sets the fields given, and says what changed. */
export async function editRecord(ctx: Context, item: RecordId, o: RecordEditOptions, cmd: Command): Promise<void> {
  const { kind } = item;
  const label = recordLabel(kind, item.id);
  const allowed = editFlags(kind);
  const given = givenFlags(cmd);
  const wrong = given.filter((f) => !allowed.includes(f));
  if (wrong.length > 0) {
    throw new UsageError(`${wrong.join(', ')} ${wrong.length === 1 ? 'does' : 'do'} not apply to ${kind.noun === 'interaction' ? 'an' : 'a'} ${kind.noun} (${label}). It takes: ${allowed.join(' ')}.`);
  }
  if (given.length === 0) throw new UsageError(`Nothing to change: give a field, for example net edit ${label} ${allowed[0]} … (it takes: ${allowed.join(' ')}).`);
  const j = ctx.journal();
  mustExist(j, item);
  const values = new Map<FieldDef, unknown>();
  const raw: Record<string, string | undefined> = {
    '--on': o.on,
    '--kind': o.kind,
    '--summary': o.summary,
    '--what': o.what,
    '--person': o.person,
    '--company': o.company,
    '--job': o.job,
    '--by': o.by,
    '--title': o.title,
    '--url': o.url,
    '--via': o.via,
    '--lead': o.lead,
    '--stage': o.stage,
    '--note': o.note,
  };
  for (const f of kind.fields) {
    if (!f.flag || !given.includes(f.flag)) continue;
    const text = raw[f.flag];
    if (text !== undefined) values.set(f, await parseField(ctx, f, text, label));
  }
  const flag = (name: string, value: boolean) => {
    const f = kind.fields.find((x) => x.flag === name);
    if (f) values.set(f, value);
  };
  if (given.includes('--no-reply') && given.includes('--replied')) throw new UsageError('Give --no-reply or --replied, not both.');
  if (given.includes('--thanks') || given.includes('--no-thanks')) flag('--thanks', o.thanks === true);
  if (given.includes('--no-reply')) flag('--no-reply', true);
  if (given.includes('--replied')) flag('--no-reply', false);
  let people: number[] | null = null;
  if (kind.name === 'interaction' && (o.with || o.add || o.drop)) {
    const current = (j.interactions.get(item.id)?.contacts ?? []).map((c) => c.id);
    const ids = async (list: readonly string[] | undefined) => Promise.all((list ?? []).map(async (w) => (await resolveContact(ctx, w)).id));
    const base = o.with ? [...new Set(await ids(o.with))] : current;
    const added = (await ids(o.add)).filter((id) => !base.includes(id));
    const dropped = new Set(await ids(o.drop));
    people = [...base, ...added].filter((id) => !dropped.has(id));
    if (people.length === 0) throw new UsageError(`An interaction needs at least one person; to remove ${label} altogether: net rm ${label}`);
  }
  const personField = kind.fields.find((f) => f.column === 'person_id');
  if (personField && values.get(personField) !== undefined && values.get(personField) !== null) {
    const lead = j.leads.get(item.id);
    if (lead && lead.source.id === values.get(personField)) throw new UsageError(`${safeLine(lead.source.name)} gave lead ${label}; the person to talk to must be someone else.`);
  }
  const { command, leads } = j.write((id) => {
    const conversation = kind.name === 'interaction';
    updateRecord(j.db, kind, item.id, values);
    if (people) setPeople(j.db, item.id, people);
    if (personField && values.has(personField)) followLeadIfTalked(j.db, item.id, ctx.today);
    if (!conversation) return { command: id, leads: [] };
    // Moved ahead of today it is a planned meeting, which follows no lead until its day; moved
    // to a day that has come, answered or with a lead's person added, it follows as if logged so.
    // A lead it may have followed before stays as it is: net cannot tell it from one followed by hand.
    j.interactions.replan(item.id, ctx.today);
    return { command: id, leads: j.leads.followedBy(item.id) };
  });
  // What changed, as the history recorded it (a command that changed nothing left none); the leads it moved are said apart.
  const written = describeChanges(j.db, j.history.changes(command)).filter((c) => c.record === label);
  if (written.length === 0) {
    ctx.io.out(`Nothing changed: ${label} already had those values.`);
    return;
  }
  ctx.io.out(editedText(label, written));
  sayLeadsFollowed(ctx, leads);
  ctx.io.out(`Next: net history ${label}`);
}

/** `net rm i12`: removes one record, after asking on a terminal. */
export async function removeRecordCommand(ctx: Context, item: RecordId, yes: boolean): Promise<void> {
  const j = ctx.journal();
  mustExist(j, item);
  const what = describe(j, item);
  if (!yes) {
    if (!ctx.io.canPrompt) throw new UsageError(`Removing ${what} needs confirmation: add --yes.`);
    const ok = await (await ctx.prompter()).confirm(`Remove ${what}? (net undo brings it back)`, false);
    if (!ok) {
      ctx.io.out(`Kept ${recordLabel(item.kind, item.id)}; nothing was removed.`);
      return;
    }
  }
  j.write(() => removeRecord(j.db, item.kind, item.id));
  ctx.io.out(`Removed ${what}.`);
  ctx.io.out('Next: net undo (brings it back)');
}

import type { Command } from 'commander';
import { parseDate } from '../core/dates.js';
import { DEFAULT_CADENCE_DAYS, thanksOwedByDefault } from '../core/due.js';
import { UsageError } from '../core/errors.js';
import { matchKey } from '../core/names.js';
import type { ContactFields, ContactRef, InteractionKind, IsoDate } from '../core/types.js';
import type { Context } from '../cli/context.js';
import { examples } from '../cli/help.js';
import { sayWaysToGive } from '../cli/hints.js';
import { cadenceOption, collect, type Introducer, introducerOption, kindOption, optionalDate, splitTags } from '../cli/inputs.js';
import type { Journal } from '../store/journal.js';
import { contactsOr, plural, safeLine } from '../render/text.js';

export interface AddOptions {
  name?: string | undefined;
  company?: string;
  role?: string;
  email?: string;
  phone?: string;
  url?: string;
  met?: string;
  on?: string;
  via?: string;
  tag?: string[];
  note?: string;
  summary?: string;
  need?: string[];
  lead?: string[];
  promise?: string[];
  expect?: string[];
  every?: string;
  kind?: string;
  /** The first meeting owes a thank-you even though it is logged two weeks or more late. */
  thanks?: boolean;
  /** Add a new person even when someone of the same name is in the journal. */
  new?: boolean;
}

const FLAG_KEYS: ReadonlyArray<keyof AddOptions> = [
  'company', 'role', 'email', 'phone', 'url', 'met', 'on', 'via', 'tag', 'note', 'summary',
  'need', 'lead', 'promise', 'expect', 'every', 'kind', 'thanks',
];

export function registerAdd(program: Command, ctx: Context): void {
  program
    .command('add')
    .argument('[name]', "the person's full name")
    .summary('record someone you just met')
    .description(
      'Record someone you just met. On a terminal with no name, asks step by step; with flags it never asks.\n' +
        'Given --met, --summary, --kind, --thanks or any need/lead/promise/expect, also logs the first meeting (--note alone does not).\n' +
        'With --via, the person who introduced you is owed a thank-you for the introduction.\n' +
        'A name already in the journal (ignoring case and accents) is asked about on a terminal (the same person, then\n' +
        'the meeting is logged to them, or a new one) and refused in scripts unless --new. A --via name that is not in\n' +
        'the journal is added too, as the person who introduced you (no keep-in-touch cadence until you talk to them).',
    )
    .option('--company <company>', 'where they work')
    .option('--role <role>', 'their job title')
    .option('--email <email>', 'email address')
    .option('--phone <phone>', 'phone number')
    .option('--url <url>', 'profile or website')
    .option('--met <where>', 'where or how you met ("coffee at Bennu")')
    .option('--on <date>', 'when you met (default today)')
    .option('--via <who>', 'the contact who introduced you')
    .option('--tag <tag>', 'a tag (repeat, or separate with commas)', collect)
    .option('--note <text>', 'free notes about them')
    .option('--summary <text>', 'what you talked about')
    .option('--need <text>', 'something they need (repeatable)', collect)
    .option('--lead <text>', 'a lead they gave you (repeatable)', collect)
    .option('--promise <text>', 'something you promised them (repeatable)', collect)
    .option('--expect <text>', 'something they promised you (repeatable)', collect)
    .option('--every <cadence>', 'keep-in-touch cadence: 30d, 6w, 3m or never (default 90d)')
    .option('--kind <kind>', 'kind of first meeting (default meeting)')
    .option('--thanks', 'the first meeting owes a thank-you even when --on is two weeks or more ago')
    .option('--new', 'a different person from the contact of the same name already in the journal')
    .addHelpText(
      'after',
      examples([
        'net add',
        'net add "Dana Whitfield" --company "Sell Computers" --met "coffee at Bennu" --via Thom',
        'net add "Dana Whitfield" --new --company "Acme"   # a second Dana Whitfield',
        'net add "Dana Whitfield" --need "an intro at Dell" --promise "send my notes" --expect "pass my resume to Harry"',
      ]),
    )
    .action(async (name: string | undefined, opts: AddOptions) => {
      await runAdd({ ...opts, name }, ctx);
    });
}

/** A promise made at the meeting, either way, with the day it is due by (the wizard asks). */
interface Pledged {
  what: string;
  by: IsoDate | null;
}

/** What the wizard settled while asking, so that the add does not ask again. */
interface Answered {
  same: ContactRef | null;
  via: Introducer | null;
  metOn: IsoDate;
  promises: Pledged[];
  expects: Pledged[];
}

/** Everything a new contact brings, checked and ready to write. */
interface NewContact {
  name: string;
  company: string | null;
  role: string | null;
  email: string | null;
  phone: string | null;
  url: string | null;
  metWhere: string | null;
  metOn: IsoDate;
  via: Introducer | null;
  tags: string[];
  notes: string | null;
  summary: string | null;
  needs: string[];
  leads: string[];
  promises: Pledged[];
  expects: Pledged[];
  cadenceDays: number | null;
  /** Whether the cadence was asked for, rather than the default. */
  cadenceGiven: boolean;
  kind: InteractionKind;
  /** `--kind` was given. */
  kindGiven: boolean;
  /** `--thanks`: a thank-you is owed for the first meeting however late it is logged. */
  thanks: boolean;
}

export async function runAdd(opts: AddOptions, ctx: Context): Promise<void> {
  const hasFlags = FLAG_KEYS.some((k) => opts[k] !== undefined);
  let input = opts;
  let answered: Answered | null = null;
  if (opts.name === undefined || opts.name.trim() === '') {
    if (!ctx.io.canPrompt || hasFlags) {
      throw new UsageError('Give the name of the person you met: net add "Dana Whitfield" --company "Sell Computers" --met "coffee at Bennu"');
    }
    ({ opts: input, answered } = await askWizard(ctx, Boolean(opts.new)));
  }
  const same = answered ? answered.same : input.new ? null : await samePerson(ctx, (input.name ?? '').trim());
  const record = await prepare(input, ctx, answered);
  if (same) {
    const result = writeTo(same, record, ctx);
    reportTo(same, record, result, ctx);
    return;
  }
  const result = write(record, ctx);
  report(record, result, ctx);
}

/**
 * The contact of the same name (ignoring case and accents) that this is, or null for a
 * new person. On a terminal net asks; a script must say --new, so that running the same
 * add twice never makes two people.
 */
async function samePerson(ctx: Context, name: string): Promise<ContactRef | null> {
  const same = ctx.journal().contacts.named(matchKey(name));
  const first = same[0];
  if (!first) return null;
  if (!ctx.io.canPrompt) {
    throw new UsageError(
      `"${safeLine(name)}" is already in the journal: ${contactsOr(same)}. Log to them instead (net log ${first.id} "what you talked about"), ` +
        'or give the same add with --new if this is a different person.',
    );
  }
  return (await ctx.prompter()).select<ContactRef | null>(`"${safeLine(name)}" is already in the journal. Is this the same person?`, [
    ...same.map((c) => ({ name: `Yes: #${c.id} ${safeLine(c.name)} (log this to them)`, value: c })),
    { name: 'No: a new person with the same name', value: null },
  ]);
}

/**
 * The step-by-step questions, on stderr. Each answer is checked as it is given (a date
 * that is not one is asked again), and a name already in the journal or an introducer
 * who is not is settled right away, while the person is in mind.
 */
async function askWizard(ctx: Context, isNew: boolean): Promise<{ opts: AddOptions; answered: Answered }> {
  const p = await ctx.prompter();
  const ask = (message: string) => p.input(message).then((v) => v.trim() || undefined);
  const askMany = async (message: string) => {
    const all: string[] = [];
    for (;;) {
      const v = (await p.input(all.length === 0 ? message : `${message} (another, or Enter to go on)`)).trim();
      if (v === '') return all.length ? all : undefined;
      all.push(v);
    }
  };
  /** A date in words or numbers, asked again until it is one; blank is `blank`. */
  const askDate = async (message: string, bias: 'past' | 'future', opts: { default?: string } = {}): Promise<IsoDate | null> => {
    for (;;) {
      const v = (await p.input(message, opts)).trim();
      if (v === '') return null;
      const iso = await parseDate(v, ctx.today, bias);
      if (iso !== null) return iso;
      ctx.io.err(`"${safeLine(v)}" is not a date net understands. Use YYYY-MM-DD, today, yesterday, 3d, 2w, or words like "next friday".`);
    }
  };
  /** Promises one way, each followed by when it is due. */
  const askPledges = async (message: string, byWhen: string): Promise<Pledged[]> => {
    const all: Pledged[] = [];
    for (;;) {
      const what = (await p.input(all.length === 0 ? message : `${message} (another, or Enter to go on)`)).trim();
      if (what === '') return all;
      all.push({ what, by: await askDate(byWhen, 'future') });
    }
  };
  const name = (await p.input('Name', { required: true, validate: (v) => (v.trim() ? true : 'A name is needed') })).trim();
  const same = isNew ? null : await samePerson(ctx, name);
  const met = await ask('Where did you meet?');
  const metOn = (await askDate('When did you meet?', 'past', { default: 'today' })) ?? ctx.today;
  // A day ahead is a planned meeting, as with --on: nothing has come of it to ask about yet.
  const ahead = metOn > ctx.today;
  if (ahead) ctx.io.err(`${metOn} is after today: a planned meeting. Record what they need, leads and promises after you meet.`);
  const viaText = await ask('Who introduced you? (blank for nobody)');
  const via = viaText === undefined ? null : await introducer(ctx, viaText, name);
  const company = await ask('Company');
  const role = await ask('Role');
  const email = await ask('Email');
  const tags = await ask('Tags (separated by commas)');
  const summary = await ask(ahead ? 'What will you talk about?' : 'What did you talk about?');
  const need = ahead ? undefined : await askMany('What do they need?');
  const lead = ahead ? undefined : await askMany('A lead they gave you');
  const promises = ahead ? [] : await askPledges('What did you promise them?', 'By when will you do it? (blank for none; e.g. friday, 2w)');
  const expects = ahead ? [] : await askPledges('What did they promise you?', 'By when will they do it? (blank for none)');
  const every = await p.input('Keep in touch every', {
    default: `${DEFAULT_CADENCE_DAYS}d`,
    validate: (v) => {
      try {
        cadenceOption(v);
        return true;
      } catch (err) {
        return (err as Error).message;
      }
    },
  });
  return {
    opts: {
      name,
      met,
      company,
      role,
      email,
      tag: tags === undefined ? undefined : [tags],
      summary,
      need,
      lead,
      promise: promises.length ? promises.map((x) => x.what) : undefined,
      expect: expects.length ? expects.map((x) => x.what) : undefined,
      every,
    },
    answered: { same, via, metOn, promises, expects },
  };
}

async function prepare(o: AddOptions, ctx: Context, answered: Answered | null): Promise<NewContact> {
  const name = (o.name ?? '').trim();
  const metOn = answered ? answered.metOn : ((await optionalDate(o.on, '--on', ctx.today, 'past')) ?? ctx.today);
  const undated = (values: readonly string[] | undefined): Pledged[] => nonEmpty(values).map((what) => ({ what, by: null }));
  if (metOn > ctx.today) notAtPlannedMeeting(o, metOn, ctx.today);
  return {
    name,
    company: o.company ?? null,
    role: o.role ?? null,
    email: o.email ?? null,
    phone: o.phone ?? null,
    url: o.url ?? null,
    metWhere: o.met ?? null,
    metOn,
    via: answered ? answered.via : o.via !== undefined ? await introducer(ctx, o.via, name) : null,
    tags: splitTags(o.tag),
    notes: o.note ?? null,
    summary: o.summary ?? null,
    needs: nonEmpty(o.need),
    leads: nonEmpty(o.lead),
    promises: answered ? answered.promises : undated(o.promise),
    expects: answered ? answered.expects : undated(o.expect),
    cadenceDays: o.every !== undefined ? cadenceOption(o.every) : DEFAULT_CADENCE_DAYS,
    cadenceGiven: o.every !== undefined,
    kind: o.kind !== undefined ? kindOption(o.kind) : 'meeting',
    kindGiven: o.kind !== undefined,
    thanks: o.thanks === true,
  };
}

/**
 * A meeting after today is planned, as with `net log --on`: nothing has come of it yet. The
 * needs, leads and promises of a meeting are dated on its day, so they wait until it happens
 * (net need, net lead and net promise refuse a day ahead too).
 */
const AFTER_MEETING = [
  ['need', 'net need'],
  ['lead', 'net lead'],
  ['promise', 'net promise'],
  ['expect', 'net promise --theirs'],
] as const;

function notAtPlannedMeeting(o: AddOptions, metOn: IsoDate, today: IsoDate): void {
  const early = AFTER_MEETING.filter(([k]) => nonEmpty(o[k]).length > 0);
  if (early.length === 0) return;
  const them = early.length === 1 ? 'it' : 'them';
  throw new UsageError(
    `--on ${metOn} is after today (${today}): a planned meeting has no ${early.map(([k]) => `--${k}`).join(' or ')} yet. ` +
      `Leave ${them} out, and record ${them} after you meet (${early.map(([, command]) => command).join(', ')}).`,
  );
}

/** `--via`: someone in the journal, or a new person (who cannot be the one being added). */
async function introducer(ctx: Context, ref: string, name: string): Promise<Introducer> {
  const via = await introducerOption(ctx, ref);
  if (via.kind === 'new' && matchKey(via.name) === matchKey(name)) {
    throw new UsageError(`${safeLine(name)} cannot have introduced themselves: give who introduced you with --via, or leave it out.`);
  }
  return via;
}

function nonEmpty(values: readonly string[] | undefined): string[] {
  return (values ?? []).map((v) => v.trim()).filter((v) => v !== '');
}

interface Written {
  id: number;
  interactionId: number | null;
  /** The introducer, when `--via` named someone new and they were added. */
  addedVia: number | null;
  /** The meeting owes them a thank-you now (a planned one owes it on its day). */
  thanksOwed: boolean;
  /** The thank-you owed to whoever introduced you (its interaction), if one is. */
  introThanks: number | null;
}

/** Whether the add records a first meeting, not only a person. */
function logsMeeting(r: NewContact): boolean {
  // Notes alone describe the person; they are no meeting.
  return r.metWhere !== null || r.summary !== null || r.kindGiven || r.thanks || r.needs.length + r.leads.length + r.promises.length + r.expects.length > 0;
}

/** Adds the introducer `--via` named when they are new: they introduced you, you have not talked yet, so no cadence. */
function writeIntroducer(j: Journal, via: Introducer | null): { id: number | null; added: number | null } {
  if (via === null) return { id: null, added: null };
  if (via.kind === 'known') return { id: via.id, added: null };
  const id = j.contacts.insert({ name: via.name, cadenceDays: null, cadencePending: true });
  return { id, added: id };
}

/**
 * Whether the first meeting owes them a thank-you: as any conversation, except that being
 * introduced (kind intro, --via) is the introducer's kindness, and the introducer is owed it.
 */
function meetingThanks(r: NewContact, today: IsoDate): boolean {
  return (r.thanks || thanksOwedByDefault(r.kind, r.metOn, today, false)) && !(r.via !== null && r.kind === 'intro');
}

/** Whether the first meeting, if one was logged, owes a thank-you today: a planned one owes it on its day. */
function owesNow(r: NewContact, interactionId: number | null, today: IsoDate): boolean {
  return interactionId !== null && r.metOn <= today && meetingThanks(r, today);
}

/** The first meeting and what came of it, for contact `id`. */
function writeMeeting(j: Journal, id: number, r: NewContact, today: IsoDate): number | null {
  const interactionId = logsMeeting(r)
    ? j.interactions.insert({
        contactIds: [id],
        on: r.metOn,
        kind: r.kind,
        summary: r.summary ?? r.metWhere ?? 'first meeting',
        thanksOwed: meetingThanks(r, today),
      })
    : null;
  // Someone already in the journal may be a lead's person: the meeting follows their leads as any conversation does.
  if (interactionId !== null) j.leads.followedBy(interactionId);
  for (const what of r.needs) j.needs.insert({ contactId: id, what, notedOn: r.metOn });
  for (const what of r.leads) j.leads.insert({ sourceId: id, what, givenOn: r.metOn });
  for (const { what, by } of r.promises) j.promises.insert({ contactId: id, what, direction: 'mine', madeOn: r.metOn, by });
  for (const { what, by } of r.expects) j.promises.insert({ contactId: id, what, direction: 'theirs', madeOn: r.metOn, by });
  return interactionId;
}

function write(r: NewContact, ctx: Context): Written {
  const j = ctx.journal();
  return j.write(() => {
    const via = writeIntroducer(j, r.via);
    const id = j.contacts.insert({
      name: r.name,
      company: r.company,
      role: r.role,
      email: r.email,
      phone: r.phone,
      url: r.url,
      metWhere: r.metWhere,
      metOn: r.metOn,
      introducedBy: via.id,
      tags: r.tags,
      notes: r.notes,
      cadenceDays: r.cadenceDays,
    });
    const interactionId = writeMeeting(j, id, r, ctx.today);
    const introThanks = via.id !== null ? introduced(j, via.id, id, r.name, r.metOn, ctx.today) : null;
    return { id, interactionId, addedVia: via.added, thanksOwed: owesNow(r, interactionId, ctx.today), introThanks };
  });
}

/**
 * Records that `introducerId` introduced the user to `personId` on `on`: an interaction with
 * the introducer that owes them a thank-you for it ("Thank Kim for introducing you to Xena"),
 * unless it was recorded two weeks or more after the day. Returns its id when one is owed.
 * A meeting planned ahead was introduced already: that introduction is dated today, and owed now.
 */
export function introduced(j: Journal, introducerId: number, personId: number, personName: string, meetingOn: IsoDate, today: IsoDate): number | null {
  const on = meetingOn > today ? today : meetingOn;
  const thanksOwed = thanksOwedByDefault('intro', on, today, false);
  const id = j.interactions.insert({
    contactIds: [introducerId],
    on,
    kind: 'intro',
    summary: `introduced you to ${personName.trim()}`,
    thanksOwed,
    introOf: personId,
  });
  return thanksOwed ? id : null;
}

interface WrittenTo extends Written {
  filled: string[];
  /** Fields given that differ from what the journal has, which were kept. */
  kept: string[];
}

const FILLABLE = [
  ['company', 'company'],
  ['role', 'role'],
  ['email', 'email'],
  ['phone', 'phone'],
  ['url', 'URL'],
  ['metWhere', 'where met'],
  ['notes', 'notes'],
] as const;

/**
 * The add of someone already in the journal: the meeting and its records go to them, and
 * what they had no value for is filled in. Nothing they have is overwritten (net edit does that).
 */
function writeTo(who: ContactRef, r: NewContact, ctx: Context): WrittenTo {
  const j = ctx.journal();
  return j.write(() => {
    const current = j.contacts.get(who.id);
    if (!current) throw new UsageError(`${safeLine(who.name)} (#${who.id}) was removed meanwhile; nothing was written.`);
    const patch: Partial<ContactFields> = {};
    const filled: string[] = [];
    const kept: string[] = [];
    for (const [key, label] of FILLABLE) {
      const given = r[key];
      const had = current[key];
      if (given === null) continue;
      if (had === null) {
        patch[key] = given;
        filled.push(label);
      } else if (matchKey(had) !== matchKey(given)) {
        kept.push(label);
      }
    }
    const tags = [...current.tags, ...r.tags.filter((t) => !current.tags.some((c) => matchKey(c) === matchKey(t)))];
    if (tags.length !== current.tags.length) {
      patch.tags = tags;
      filled.push('tags');
    }
    if (current.metOn === null) patch.metOn = r.metOn;
    if (r.cadenceGiven && r.cadenceDays !== current.cadenceDays) {
      patch.cadenceDays = r.cadenceDays;
      filled.push('cadence');
    }
    let addedVia: number | null = null;
    let introThanks: number | null = null;
    if (r.via !== null && !(r.via.kind === 'known' && r.via.id === who.id)) {
      if (current.introducedBy === null) {
        const via = writeIntroducer(j, r.via);
        patch.introducedBy = via.id;
        addedVia = via.added;
        if (via.id !== null) introThanks = introduced(j, via.id, who.id, current.name, r.metOn, ctx.today);
        filled.push('introduced by');
      } else if (r.via.kind === 'new' || r.via.id !== current.introducedBy.id) {
        kept.push('introduced by');
      }
    }
    j.contacts.update(who.id, patch);
    const interactionId = writeMeeting(j, who.id, r, ctx.today);
    return { id: who.id, interactionId, addedVia, filled, kept, thanksOwed: owesNow(r, interactionId, ctx.today), introThanks };
  });
}

/** What the meeting brought, for the line that reports the add: "met 2026-10-01 (a fair), 1 need". */
function meetingParts(r: NewContact, w: Written, today: IsoDate): string[] {
  const parts: string[] = [];
  const where = r.metWhere ? ` (${safeLine(r.metWhere)})` : '';
  if (w.interactionId !== null) parts.push(r.metOn > today ? `planned ${r.kind} on ${r.metOn}${where}` : `met ${r.metOn}${where}`);
  if (r.needs.length) parts.push(plural(r.needs.length, 'need'));
  if (r.leads.length) parts.push(plural(r.leads.length, 'lead'));
  if (r.promises.length) parts.push(`${plural(r.promises.length, 'promise')} of yours`);
  if (r.expects.length) parts.push(`${plural(r.expects.length, 'promise')} of theirs`);
  return parts;
}

/** Says who `--via` added, and what to do when it was a typo of someone known. */
function reportIntroducer(r: NewContact, w: Written, ctx: Context): void {
  if (w.addedVia === null || r.via === null || r.via.kind !== 'new') return;
  ctx.io.out(`Also added #${w.addedVia} ${safeLine(r.via.name)}, who introduced you (no keep-in-touch cadence until you talk to them).`);
  const first = r.via.close[0];
  if (first) {
    ctx.io.out(`Did you mean ${contactsOr(r.via.close)}? If so, fold the new one in: net merge ${first.id} ${w.addedVia} --yes`);
  }
}

/** The first meeting was logged for a day after today: planned, as `net log --on` plans one. */
function planned(r: NewContact, w: Written, today: IsoDate): boolean {
  return w.interactionId !== null && r.metOn > today;
}

/** What the line that reports a planned meeting adds, in the words `net log` uses for one. */
const PLANNED = ' net due lists it that day; it owes nothing until then.';

function report(r: NewContact, w: Written, ctx: Context): void {
  const parts = meetingParts(r, w, ctx.today);
  const extra = parts.length ? `: ${parts.join(', ')}` : '';
  const ahead = planned(r, w, ctx.today);
  ctx.io.out(`Added #${w.id} ${safeLine(r.name)}${extra}.${ahead ? PLANNED : ''}`);
  reportIntroducer(r, w, ctx);
  sayWaysToGive(ctx, [r.notes, r.summary, ...r.leads], [w.id]);
  ctx.io.out(`Next: ${nextStep(w, w.id, ahead, ctx)}`);
}

/** Thank whoever is owed it (the person met, the introducer), or see the planned meeting, or look at the card. */
function nextStep(w: Written, id: number, ahead: boolean, ctx: Context): string {
  const introducer = w.introThanks !== null ? ctx.journal().interactions.get(w.introThanks)?.contacts[0] : undefined;
  if (introducer) ctx.io.out(`${safeLine(introducer.name)} is owed a thank-you for the introduction (i${w.introThanks}).`);
  const thank = [...(w.thanksOwed ? [id] : []), ...(introducer ? [introducer.id] : [])];
  if (thank.length > 0) return `send a thank-you, then ${thank.map((t) => `net thank ${t}`).join(' and ')}`;
  return ahead ? 'net due --all' : `net show ${id}`;
}

function reportTo(who: ContactRef, r: NewContact, w: WrittenTo, ctx: Context): void {
  const parts = meetingParts(r, w, ctx.today);
  if (w.filled.length) parts.push(`filled in ${w.filled.join(', ')}`);
  const ahead = planned(r, w, ctx.today);
  ctx.io.out(
    parts.length
      ? `Logged to #${who.id} ${safeLine(who.name)}: ${parts.join(', ')}.${ahead ? PLANNED : ''}`
      : `#${who.id} ${safeLine(who.name)} is already in the journal; nothing new to add.`,
  );
  if (w.kept.length) ctx.io.out(`Kept their ${w.kept.join(', ')} as the journal has it; change it with: net edit ${who.id} --help`);
  reportIntroducer(r, w, ctx);
  sayWaysToGive(ctx, [r.notes, r.summary, ...r.leads], [who.id]);
  ctx.io.out(`Next: ${nextStep(w, who.id, ahead, ctx)}`);
}

// Turning what the user typed into domain values, or a UsageError that names the flag.
import { type DateBias, FIRST_DATE, LAST_DATE, MAX_CADENCE_DAYS, isValidIsoDate, parseCadence, parseDate } from '../core/dates.js';
import { JournalError, UsageError } from '../core/errors.js';
import { closeNames, matchContact, matchKey, normalizeText, parseIdRef, parseItemId } from '../core/names.js';
import { type ContactRef, INTERACTION_KINDS, type InteractionKind, type IsoDate, isInteractionKind } from '../core/types.js';
import { contactsOr, hintWord, safeLine } from '../render/text.js';
import type { Command } from 'commander';
import type { Context } from './context.js';

/** What a reference names: one contact, or nobody (with the contacts whose names are close to it). */
export type Found = { kind: 'one'; contact: ContactRef } | { kind: 'none'; close: ContactRef[] };

/**
 * Looks up the contact `ref` names. Several matches are asked about on a terminal and
 * refused otherwise; an id that names nobody is refused. A name that matches nobody comes
 * back with the names close to it, for "Did you mean …?".
 */
export async function findContact(ctx: Context, ref: string): Promise<Found> {
  const contacts = ctx.journal().contacts;
  const id = parseIdRef(ref);
  if (id !== null) {
    const c = contacts.ref(id);
    if (c) return { kind: 'one', contact: c };
    // A name made of digits is still a name.
    const byName = matchContact(contacts.candidates(matchKey(ref)), ref);
    if (byName.kind === 'one') return { kind: 'one', contact: byName.contact };
    throw new UsageError(`No contact has id ${id}. See everyone with: net list`);
  }
  const result = matchContact(contacts.candidates(matchKey(ref)), ref);
  if (result.kind === 'one') return { kind: 'one', contact: result.contact };
  if (result.kind === 'none') {
    // Only a name that matched nobody pays for reading every name and the distance library.
    const { default: damerau } = await import('damerau-levenshtein');
    return { kind: 'none', close: closeNames(contacts.refs(), ref, (a, b) => damerau(a, b).steps) };
  }
  if (ctx.io.canPrompt) {
    const prompter = await ctx.prompter();
    const contact = await prompter.select(
      `"${safeLine(ref)}" matches ${result.candidates.length} contacts. Which one?`,
      result.candidates.map((c) => ({ name: `#${c.id} ${safeLine(c.name)}`, value: c })),
    );
    return { kind: 'one', contact };
  }
  const list = result.candidates.map((c) => `  #${c.id} ${c.name}`).join('\n');
  throw new UsageError(`"${ref}" matches ${result.candidates.length} contacts; use the id or more of the name:\n${list}`);
}

/** The error for a name that matches nobody: the close names when there are some, else where to look. */
export function noContact(ref: string, close: readonly ContactRef[]): UsageError {
  const head = `No contact matches "${safeLine(ref)}".`;
  if (close.length > 0) return new UsageError(`${head} Did you mean ${contactsOr(close)}?`);
  return new UsageError(`${head} See everyone with net list, or add them with: net add ${hintWord(ref)}`);
}

/** Finds the one contact `ref` names; asks on a terminal when several match or it looks like a typo, refuses otherwise. */
export async function resolveContact(ctx: Context, ref: string): Promise<ContactRef> {
  const contact = await pickContact(ctx, ref);
  // Remembered, so that a write failing because this contact was removed meanwhile by
  // another net process can say who (cli/run.ts).
  ctx.journal().named.set(contact.id, contact.name);
  return contact;
}

async function pickContact(ctx: Context, ref: string): Promise<ContactRef> {
  const found = await findContact(ctx, ref);
  if (found.kind === 'one') return found.contact;
  if (found.close.length > 0 && ctx.io.canPrompt) {
    const picked = await (await ctx.prompter()).select<ContactRef | null>(`No contact matches "${safeLine(ref)}". Did you mean:`, [
      ...found.close.map((c) => ({ name: `#${c.id} ${safeLine(c.name)}`, value: c })),
      { name: 'None of them', value: null },
    ]);
    if (picked) return picked;
    throw noContact(ref, []);
  }
  throw noContact(ref, found.close);
}

/** The error for a contact removed by another net command between lookup and write. */
export function vanished(contact: ContactRef): JournalError {
  return new JournalError(
    `${safeLine(contact.name)} (#${contact.id}) was removed by another net command while this one ran; nothing was changed. See who is there: net list`,
  );
}

/** An introducer (`--via`): a contact, or someone not in the journal yet, to be added with the contact they introduced. */
export type Introducer = { kind: 'known'; id: number; name: string } | { kind: 'new'; name: string; close: ContactRef[] };

/**
 * Who `--via` names. A name that matches nobody is a new person to add; on a terminal,
 * when it looks like a typo of someone known, net asks which it is. An id must exist.
 */
export async function introducerOption(ctx: Context, ref: string): Promise<Introducer> {
  if (parseIdRef(ref) !== null) {
    const c = await resolveContact(ctx, ref);
    return { kind: 'known', id: c.id, name: c.name };
  }
  const found = await findContact(ctx, ref);
  if (found.kind === 'one') return { kind: 'known', ...found.contact };
  const name = normalizeText(ref).trim();
  if (found.close.length > 0 && ctx.io.canPrompt) {
    const picked = await (await ctx.prompter()).select<ContactRef | null>(`No contact matches "${safeLine(name)}". Did you mean:`, [
      ...found.close.map((c) => ({ name: `#${c.id} ${safeLine(c.name)}`, value: c })),
      { name: `Nobody: add ${safeLine(name)} as a new contact`, value: null },
    ]);
    if (picked) return { kind: 'known', ...picked };
    return { kind: 'new', name, close: [] };
  }
  return { kind: 'new', name, close: found.close };
}

/** Parses a date option, naming the flag and the text when it is not a date. */
export async function dateOption(text: string, flag: string, today: IsoDate, bias: DateBias): Promise<IsoDate> {
  const iso = await parseDate(text, today, bias);
  const ymd = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (iso === null && ymd && isValidIsoDate(text.trim())) {
    throw new UsageError(`${flag} "${text}" is outside the dates net keeps, ${FIRST_DATE} to ${LAST_DATE}. Give a date in that range.`);
  }
  if (iso === null && ymd) {
    const [y, m] = [Number(ymd[1]), Number(ymd[2])];
    const month = m >= 1 && m <= 12 ? new Date(Date.UTC(2000, m - 1, 1)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' }) : null;
    const days = month ? new Date(Date.UTC(y, m, 0)).getUTCDate() : 0;
    throw new UsageError(
      month
        ? `${flag} "${text}": that day does not exist (${month} ${y} has ${days} days). Give a day that exists, e.g. ${ymd[1]}-${ymd[2]}-${String(days)}.`
        : `${flag} "${text}": there is no month ${ymd[2]}. Give a date as YYYY-MM-DD with a month from 01 to 12.`,
    );
  }
  if (iso === null) {
    throw new UsageError(
      `${flag} "${text}" is not a date net understands (from ${FIRST_DATE} to ${LAST_DATE}). Use YYYY-MM-DD, today, yesterday, tomorrow, 3d, 2w, 1m, or words like "last tuesday".`,
    );
  }
  return iso;
}

export async function optionalDate(text: string | undefined, flag: string, today: IsoDate, bias: DateBias): Promise<IsoDate | undefined> {
  return text === undefined ? undefined : dateOption(text, flag, today, bias);
}

/**
 * The day of something that has already happened (a thank-you sent, a lead given, a stage
 * reached): today when the flag is not given, and never after today, because net would keep
 * as done what has not been. `advice` ends the refusal by saying how to record it instead.
 */
export async function pastDateOption(text: string | undefined, flag: string, today: IsoDate, advice: string): Promise<IsoDate> {
  if (text === undefined) return today;
  const on = await dateOption(text, flag, today, 'past');
  if (on > today) throw new UsageError(`${flag} ${on} is after today (${today}): ${advice}`);
  return on;
}

/** `--every`; `zero` ends the refusal of a zero cadence by saying what to give instead. */
export function cadenceOption(text: string, zero = 'To never be reminded, say --every never.'): number | null {
  const days = parseCadence(text);
  if (days === undefined) {
    if (/^0+\s*[dwmy]?$/i.test(text.trim())) {
      throw new UsageError(`--every "${text}" is no time at all: a cadence runs from 1 day to 10 years (1d to ${MAX_CADENCE_DAYS}d). ${zero}`);
    }
    throw new UsageError(`--every "${text}" is not a cadence net keeps. Use days, weeks, months or years up to 10 years (30d, 6w, 3m, 1y, ${MAX_CADENCE_DAYS}d) or never.`);
  }
  return days;
}

export function kindOption(text: string): InteractionKind {
  const k = text.trim().toLowerCase();
  if (!isInteractionKind(k)) throw new UsageError(`--kind "${text}" is not a kind of interaction. Use one of: ${INTERACTION_KINDS.join(', ')}.`);
  return k;
}

/** `p12` / `12` style ids for items; `what` names the record for the error message. */
/** The kinds of item `net due` lists: promise, interaction (a thank-you), lead, contact, application. */
export type ItemKind = 'p' | 'i' | 'l' | 'c' | 'j';

/**
 * An item id as `net due` prints it (`p3`, `i12`, `#l5`); `i12c3` is the thank-you to
 * contact 3 of panel interview i12, `j4c7` what application j4 owes contact 7.
 */
export function dueItemArg(text: string): { kind: ItemKind; id: number; person: number | null } {
  const m = /^#?([pilcj])(\d{1,15})(?:c(\d{1,15}))?$/i.exec(text.trim());
  const kind = (m?.[1] ?? '').toLowerCase() as ItemKind;
  if (!m || (m[3] !== undefined && kind !== 'i' && kind !== 'j')) {
    throw new UsageError(`"${safeLine(text)}" is not an item id. Use the id net due prints, like p3, i12, l5, c7 or j4.`);
  }
  return { kind, id: Number(m[2]), person: m[3] === undefined ? null : Number(m[3]) };
}

export function itemIdArg(text: string, prefix: string, what: string, example: string): number {
  const id = parseItemId(text, prefix);
  // "an interaction", "an application": the article follows the word it names.
  const article = /^[aeiou]/i.test(what) ? 'an' : 'a';
  if (id === null) throw new UsageError(`"${text}" is not ${article} ${what} id. Give the number shown by net show or net due, e.g. ${example}.`);
  return id;
}

/** A required text argument, refused when empty. */
export function requiredText(text: string | undefined, what: string, example: string): string {
  if (text === undefined || text.trim() === '') throw new UsageError(`Say ${what}: ${example}`);
  return text;
}

/**
 * A path the user typed. An empty one ("") would stand for the current folder or for
 * nothing at all, so it is refused, as a missing one is; `example` says what to give.
 */
export function givenPath(text: string, what: string, example: string): string {
  if (text.trim() === '') throw new UsageError(`The path of the ${what} is empty. ${example}`);
  return text;
}

/**
 * Refuses `--<name>` together with `--no-<name>`: commander keeps only the last one given,
 * so a command line holding both would do one of them silently. Set up with the command.
 */
export function oneOfPair(cmd: Command, name: string): Command {
  const seen = new Set<string>();
  cmd.on(`option:${name}`, () => seen.add(name)).on(`option:no-${name}`, () => seen.add(`no-${name}`));
  return cmd.hook('preAction', () => {
    if (seen.size === 2) throw new UsageError(`Give one of --${name} or --no-${name}, not both.`);
  });
}

/** Repeatable flags: `--tag a --tag b` (and `--tag a,b` for tags). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function splitTags(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(',')).map((t) => t.trim()).filter((t) => t !== '');
}

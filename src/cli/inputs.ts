// Turning what the user typed into domain values, or a UsageError that names the flag.
import { type DateBias, parseCadence, parseDate } from '../core/dates.js';
import { UsageError } from '../core/errors.js';
import { matchContact, matchKey, parseIdRef, parseItemId } from '../core/names.js';
import { type ContactRef, INTERACTION_KINDS, type InteractionKind, type IsoDate, isInteractionKind } from '../core/types.js';
import { safeLine } from '../render/text.js';
import type { Context } from './context.js';

/** Finds the one contact `ref` names; asks on a terminal when several match, refuses otherwise. */
export async function resolveContact(ctx: Context, ref: string): Promise<ContactRef> {
  const contacts = ctx.journal().contacts;
  const id = parseIdRef(ref);
  if (id !== null) {
    const c = contacts.ref(id);
    if (c) return c;
    // A name made of digits is still a name.
    const byName = matchContact(contacts.candidates(matchKey(ref)), ref);
    if (byName.kind === 'one') return byName.contact;
    throw new UsageError(`No contact has id ${id}. See everyone with: net list`);
  }
  const result = matchContact(contacts.candidates(matchKey(ref)), ref);
  if (result.kind === 'one') return result.contact;
  if (result.kind === 'none') {
    throw new UsageError(`No contact matches "${safeLine(ref)}". See everyone with net list, or add them with: net add "${safeLine(ref)}"`);
  }
  if (ctx.io.canPrompt) {
    const prompter = await ctx.prompter();
    return prompter.select(
      `"${safeLine(ref)}" matches ${result.candidates.length} contacts. Which one?`,
      result.candidates.map((c) => ({ name: `#${c.id} ${safeLine(c.name)}`, value: c })),
    );
  }
  const list = result.candidates.map((c) => `  #${c.id} ${c.name}`).join('\n');
  throw new UsageError(`"${ref}" matches ${result.candidates.length} contacts; use the id or more of the name:\n${list}`);
}

/** Parses a date option, naming the flag and the text when it is not a date. */
export async function dateOption(text: string, flag: string, today: IsoDate, bias: DateBias): Promise<IsoDate> {
  const iso = await parseDate(text, today, bias);
  if (iso === null) {
    throw new UsageError(
      `${flag} "${text}" is not a date net understands. Use YYYY-MM-DD, today, yesterday, tomorrow, 3d, 2w, 1m, or words like "last tuesday".`,
    );
  }
  return iso;
}

export async function optionalDate(text: string | undefined, flag: string, today: IsoDate, bias: DateBias): Promise<IsoDate | undefined> {
  return text === undefined ? undefined : dateOption(text, flag, today, bias);
}

export function cadenceOption(text: string): number | null {
  const days = parseCadence(text);
  if (days === undefined) throw new UsageError(`--every "${text}" is not a cadence. Use a number of days or weeks or months (30d, 6w, 3m) or never.`);
  return days;
}

export function kindOption(text: string): InteractionKind {
  const k = text.trim().toLowerCase();
  if (!isInteractionKind(k)) throw new UsageError(`--kind "${text}" is not a kind of interaction. Use one of: ${INTERACTION_KINDS.join(', ')}.`);
  return k;
}

/** `p12` / `12` style ids for items; `what` names the record for the error message. */
export function itemIdArg(text: string, prefix: string, what: string, example: string): number {
  const id = parseItemId(text, prefix);
  if (id === null) throw new UsageError(`"${text}" is not a ${what} id. Give the number shown by net show or net due, e.g. ${example}.`);
  return id;
}

/** A required text argument, refused when empty. */
export function requiredText(text: string | undefined, what: string, example: string): string {
  if (text === undefined || text.trim() === '') throw new UsageError(`Say ${what}: ${example}`);
  return text;
}

/** Repeatable flags: `--tag a --tag b` (and `--tag a,b` for tags). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function splitTags(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(',')).map((t) => t.trim()).filter((t) => t !== '');
}

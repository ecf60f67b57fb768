// `net import calendar.ics` and `net import mail.mbox`: conversations from the files a job
// seeker already has, logged with the contacts they involve. The file is read and judged
// before the journal is written; all of it is then written in one transaction.
import { keepYoungGenerationSmall } from '../cli/memory.js';
import { readFileSync } from 'node:fs';
import { UsageError } from '../core/errors.js';
import { judgeEvent, SKIP, type EventOccurrence, type FoundConversation } from '../core/conversations.js';
import { addDays, addMonths } from '../core/dates.js';
import type { IsoDate } from '../core/types.js';
import type { Context } from '../cli/context.js';
import { optionalDate } from '../cli/inputs.js';
import { addressOf } from '../formats/icalendar.js';
import { conversationJson, conversationText, type ConversationSummary } from '../render/conversations.js';
import { printJson } from '../render/json.js';
import { plural, safeLine, shellWord } from '../render/text.js';
import type { Journal } from '../store/journal.js';

export interface ConversationImportOptions {
  since?: string;
  me?: string;
  addUnknown?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

/** Where your addresses are remembered in the journal. */
const ME_KEY = 'me';

/** How far ahead a recurring event gives planned meetings (as `net calendar`'s default). */
export const PLANNED_DAYS = 60;

/** Your addresses from `--me a@x,b@y`; exit 2 for one that is not an address. */
export function meOption(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(',')) {
    if (part.trim() === '') continue;
    const a = addressOf(part);
    if (a === null) throw new UsageError(`--me "${safeLine(part.trim())}" is not an email address. Give your addresses separated by commas: --me me@example.com,me@work.example`);
    if (!out.includes(a)) out.push(a);
  }
  if (out.length === 0) throw new UsageError('--me needs at least one email address: --me me@example.com');
  return out;
}

export function rememberedMe(j: Journal): string[] {
  const v = j.meta(ME_KEY);
  if (v === null) return [];
  try {
    const list = JSON.parse(v) as unknown;
    return Array.isArray(list) ? list.filter((a): a is string => typeof a === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Without any known address of yours, the one address on most of the events with two people
 * or more is taken to be you (your calendar lists you on nearly all of them), when it is on
 * at least half of them.
 */
export function guessMe(occurrences: readonly EventOccurrence[]): string | null {
  const counts = new Map<string, number>();
  let shared = 0;
  for (const o of occurrences) {
    const addresses = new Set(o.people.map((p) => p.email).filter((e): e is string => e !== null));
    if (addresses.size < 2) continue;
    shared++;
    for (const a of addresses) counts.set(a, (counts.get(a) ?? 0) + 1);
  }
  let best: [string, number] | null = null;
  for (const entry of counts) if (best === null || entry[1] > best[1]) best = entry;
  return best !== null && shared >= 2 && best[1] * 2 >= shared ? best[0] : null;
}

function readBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`Cannot read ${safeLine(file)}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (err as Error).message}.`);
  }
}

/** The command line that imports the same file again with --add-unknown. */
function addUnknownCommand(file: string, o: ConversationImportOptions): string {
  const words = ['net', 'import', shellWord(file)];
  if (o.since !== undefined) words.push('--since', shellWord(o.since));
  words.push('--add-unknown');
  return words.join(' ');
}

function report(ctx: Context, summary: ConversationSummary, json: boolean): void {
  if (json) ctx.io.out(printJson(conversationJson(summary)));
  else for (const line of conversationText(summary)) ctx.io.out(line);
}

export async function importCalendar(ctx: Context, file: string, o: ConversationImportOptions): Promise<void> {
  const since: IsoDate = (await optionalDate(o.since, '--since', ctx.today, 'past')) ?? addMonths(ctx.today, -12);
  const given = o.me !== undefined ? meOption(o.me) : null;
  const { readCalendar } = await import('../formats/icalendar.js');
  const cal = readCalendar(readBytes(file), file, { since, until: addDays(ctx.today, PLANNED_DAYS) });
  const j = ctx.journal();
  const me = given ?? rememberedMe(j);
  if (cal.owner && !me.includes(cal.owner)) me.push(cal.owner);
  const guessed = me.length === 0 ? guessMe(cal.occurrences) : null;
  if (guessed) me.push(guessed);
  const mine = new Set(me);

  const skipped = new Map<string, number>();
  const found: FoundConversation[] = [];
  const calledOff: string[] = [];
  for (const occ of cal.occurrences) {
    const v = judgeEvent(occ, mine);
    if ('skip' in v) {
      skipped.set(v.skip, (skipped.get(v.skip) ?? 0) + 1);
      if (v.skip === SKIP.cancelled || v.skip === SKIP.declined || v.skip === SKIP.othersDeclined) calledOff.push(occ.key);
      continue;
    }
    found.push({ sources: [occ.key], on: occ.on, kind: v.kind, summary: occ.summary, people: v.others.map((p) => ({ email: p.email, name: p.name })), noReply: false });
  }
  for (const [reason, count] of cal.skipped) skipped.set(reason, (skipped.get(reason) ?? 0) + count);

  const { applyConversations } = await import('../store/conversations.js');
  const run = () => {
    if (given && !o.dryRun) j.setMeta(ME_KEY, JSON.stringify(given));
    return applyConversations(j, found, { addUnknown: o.addUnknown === true, calledOff });
  };
  const result = o.dryRun ? j.simulate(run) : j.write(run);
  report(
    ctx,
    { file, format: 'ics', dryRun: o.dryRun === true, me, meGuessed: guessed !== null, result, skipped, encoding: cal.encoding, addUnknown: addUnknownCommand(file, o) },
    o.json === true,
  );
}

export async function importMail(ctx: Context, file: string, o: ConversationImportOptions): Promise<void> {
  if (o.addUnknown) {
    throw new UsageError('--add-unknown is for calendars: a mailbox names far too many people. Add the ones who matter with net add "<name>" --email <address>, then import again.');
  }
  const since: IsoDate = (await optionalDate(o.since, '--since', ctx.today, 'past')) ?? addMonths(ctx.today, -12);
  const given = o.me !== undefined ? meOption(o.me) : null;
  const j = ctx.journal();
  const me = given ?? rememberedMe(j);
  if (me.length === 0) {
    throw new UsageError(`net needs your address to tell the mail you sent from the mail you received: net import ${shellWord(file)} --me you@example.com (remembered after the first time).`);
  }
  const name = safeLine(file);
  const { scanMailbox } = await import('../formats/mailbox.js');
  await keepYoungGenerationSmall();
  const scan = await scanMailbox(file, { me, contacts: [...j.contacts.emailKeys()], since }, (p) =>
    ctx.io.status(`Reading ${name}: ${plural(p.read, 'message')} read, ${p.matched.toLocaleString('en-US')} with a contact`),
  ).finally(() => ctx.io.status(''));
  const { conversations, answered } = scan;
  const { applyConversations } = await import('../store/conversations.js');
  const run = () => {
    if (given && !o.dryRun) j.setMeta(ME_KEY, JSON.stringify(given));
    return applyConversations(j, conversations, { addUnknown: false, answered });
  };
  const result = o.dryRun ? j.simulate(run) : j.write(run);
  report(
    ctx,
    {
      file,
      format: 'mbox',
      dryRun: o.dryRun === true,
      me,
      meGuessed: false,
      result,
      skipped: new Map(scan.skipped),
      messages: { read: scan.read, matched: scan.matched },
      encoding: null,
      addUnknown: addUnknownCommand(file, o),
    },
    o.json === true,
  );
}

// `net import calendar.ics` and `net import mail.mbox`: conversations from the files a job
// seeker already has, logged with the contacts they involve. The file is read and judged
// before the journal is written; all of it is then written in one transaction.
import { readFileSync } from 'node:fs';
import { UsageError } from '../core/errors.js';
import { judgeEvent, SKIP, type EventOccurrence, type FoundConversation } from '../core/conversations.js';
import type { MailMessage } from '../core/mail.js';
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

/** The most ids of the messages it answers kept per message, and the longest subject kept. */
const MAX_REFS = 64;
const MAX_SUBJECT = 1000;

/** How often the progress line is redrawn on a terminal. */
const PROGRESS_MS = 200;

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
  const mine = new Set(me);
  const contacts = j.contacts.emailKeys();
  const { readMbox, dayIn, detach } = await import('../formats/mbox.js');
  const { mailConversations } = await import('../core/mail.js');
  const { createHash } = await import('node:crypto');

  const kept: MailMessage[] = [];
  // One copy of each text many messages share (Message-IDs named again by replies, addresses, days).
  const shared = new Map<string, string>();
  const once = (s: string): string => {
    const have = shared.get(s);
    if (have !== undefined) return have;
    const copy = detach(s);
    shared.set(copy, copy);
    return copy;
  };
  const skipped = new Map<string, number>();
  const skip = (reason: string) => skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
  let read = 0;
  let mailboxEnd = 0;
  let shown = 0;
  const name = safeLine(file);
  try {
    for await (const m of readMbox(file)) {
      read++;
      if (Date.now() - shown >= PROGRESS_MS) {
        shown = Date.now();
        ctx.io.status(`Reading ${name}: ${plural(read, 'message')} read, ${kept.length.toLocaleString('en-US')} with a contact`);
      }
      if (m.time !== null && m.time > mailboxEnd) mailboxEnd = m.time;
      if (m.automated) {
        skip(m.automated);
        continue;
      }
      const day = m.time === null ? null : dayIn(m.time);
      if (m.time === null || day === null) {
        skip('messages without a readable date');
        continue;
      }
      if (day < since) {
        skip('messages before --since');
        continue;
      }
      const sent = m.from !== null && mine.has(m.from.email);
      const others = sent ? m.to.filter((a) => !mine.has(a.email)) : m.from ? [m.from] : [];
      const withContacts = [...new Set(others.map((a) => a.email).filter((e) => contacts.has(e)))];
      if (withContacts.length === 0) {
        skip('messages with nobody who is a contact');
        continue;
      }
      // A message without a Message-ID is known by what it says of itself.
      const id = m.messageId ?? createHash('sha256').update(`${m.from?.email ?? ''}\n${m.time}\n${m.subject ?? ''}`).digest('hex').slice(0, 32);
      // Bounded, whatever the headers hold: a thread needs only some of its ids, a summary
      // only a line; ids, addresses and days are kept once however many messages name them.
      kept.push({
        messageId: once(id),
        refs: m.refs.slice(0, MAX_REFS).map(once),
        time: m.time,
        day: once(day),
        sent,
        contacts: withContacts.map(once),
        subject: m.subject === null || m.subject.length <= MAX_SUBJECT ? m.subject : detach(m.subject.slice(0, MAX_SUBJECT)),
      });
    }
  } finally {
    ctx.io.status('');
  }
  const { conversations, answered } = mailConversations(kept, mailboxEnd);
  const matched = kept.length;
  // The messages are conversations now: let them go before the journal is written.
  kept.length = 0;
  shared.clear();
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
      skipped,
      messages: { read, matched },
      encoding: null,
      addUnknown: addUnknownCommand(file, o),
    },
    o.json === true,
  );
}

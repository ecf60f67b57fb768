// A whole mailbox read into the conversations it holds with contacts (formats/mbox.ts reads
// the messages, core/mail.ts groups them). Memory grows with the messages exchanged with
// contacts, never with the mailbox: only they are kept, with the few fields the rules need.
import { createHash } from 'node:crypto';
import type { FoundConversation } from '../core/conversations.js';
import { mailConversations, type MailMessage } from '../core/mail.js';
import type { IsoDate } from '../core/types.js';
import { dayIn, detach, readMbox } from './mbox.js';

export interface ScanOptions {
  /** Your addresses, lower case. */
  me: readonly string[];
  /** The contacts' addresses, as `emailKey` writes them. */
  contacts: readonly string[];
  since: IsoDate;
}

export interface ScanProgress {
  read: number;
  matched: number;
}

export interface MailboxScan extends ScanProgress {
  conversations: FoundConversation[];
  answered: string[];
  /** Messages left out, by why, in the order first met. */
  skipped: Array<[string, number]>;
}

/** The most ids of the messages it answers kept per message, and the longest subject kept. */
const MAX_REFS = 64;
const MAX_SUBJECT = 1000;

/** How often progress is reported. */
const PROGRESS_MS = 200;

export async function scanMailbox(file: string, opts: ScanOptions, onProgress?: (p: ScanProgress) => void): Promise<MailboxScan> {
  const mine = new Set(opts.me);
  const contacts = new Set(opts.contacts);
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
  for await (const m of readMbox(file)) {
    read++;
    if (onProgress && Date.now() - shown >= PROGRESS_MS) {
      shown = Date.now();
      onProgress({ read, matched: kept.length });
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
    if (day < opts.since) {
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
  const { conversations, answered } = mailConversations(kept, mailboxEnd);
  return { conversations, answered, read, matched: kept.length, skipped: [...skipped] };
}

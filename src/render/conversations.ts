// The summary of a calendar or mail import: what was logged with whom, what was left out
// and why, who is not a contact yet. One shape for people (text) and one for machines
// (JSON); every name and subject from the file is hostile and made safe for the terminal.
import type { ConversationResult } from '../store/conversations.js';
import { plural, safeLine } from './text.js';

export interface ConversationSummary {
  file: string;
  format: 'ics' | 'mbox';
  dryRun: boolean;
  /** Your addresses as this import used them. */
  me: string[];
  /** Whether `me` was guessed from the file (no --me, none remembered). */
  meGuessed: boolean;
  result: ConversationResult;
  /** Left out, by why, in the order first met. */
  skipped: ReadonlyMap<string, number>;
  /** A mailbox's figures: messages read and matched. */
  messages?: { read: number; matched: number };
  encoding: string | null;
  /** The same import with --add-unknown, as shell words. */
  addUnknown: string;
}

/** Lines of a list shown on the terminal; `--json` lists all. */
const SHOWN = 20;

const n = (x: number) => x.toLocaleString('en-US');

function person(p: { name: string | null; email: string | null }): string {
  if (p.name && p.email) return `${safeLine(p.name)} <${safeLine(p.email)}>`;
  return safeLine(p.name ?? p.email ?? '');
}

export function conversationText(s: ConversationSummary): string[] {
  const r = s.result;
  const lines: string[] = [];
  const what = s.format === 'ics' ? 'calendar' : 'mailbox';
  const verb = s.dryRun ? 'Would log' : 'Logged';
  const changes = [`${plural(r.added, 'conversation')} ${s.dryRun ? 'to add' : 'added'}`, `${n(r.updated)} updated`, `${n(r.unchanged)} already known`];
  if (r.removed) changes.push(`${n(r.removed)} planned ${r.removed === 1 ? 'meeting' : 'meetings'} called off ${s.dryRun ? 'to remove' : 'removed'}`);
  lines.push(`${verb} from ${safeLine(s.file)} (${what}): ${changes.join(', ')}.`);
  if (s.messages) lines.push(`  ${n(s.messages.read)} ${s.messages.read === 1 ? 'message' : 'messages'} read, ${n(s.messages.matched)} with a contact`);
  if (s.me.length) lines.push(`  you: ${s.me.map(safeLine).join(', ')}${s.meGuessed ? ' (guessed from the file; say otherwise with --me)' : ''}`);
  for (const l of r.logged.slice(0, SHOWN)) {
    const extra = [l.planned ? `${n(l.planned)} planned` : '', l.noReply ? `${n(l.noReply)} unanswered` : ''].filter(Boolean).join(', ');
    lines.push(`  ${safeLine(l.contact.name)} (#${l.contact.id}): ${plural(l.conversations, 'conversation')}${extra ? ` (${extra})` : ''}`);
  }
  if (r.logged.length > SHOWN) lines.push(`  and ${n(r.logged.length - SHOWN)} more contacts (--json lists them all)`);
  for (const [reason, count] of s.skipped) lines.push(`  skipped: ${n(count)} ${count === 1 ? reason.replace(/\b(events|messages|definitions)\b/, (w) => w.slice(0, -1)) : reason}`);
  if (r.withoutContact) lines.push(`  not logged: ${n(r.withoutContact)} with nobody who is a contact`);
  if (s.encoding) lines.push(`  read as ${s.encoding} text`);
  for (const c of r.cadenceGiven.slice(0, SHOWN)) lines.push(`  ${safeLine(c.name)} now has the default keep-in-touch cadence (change it with net edit ${c.id} --every 6m)`);
  if (r.cadenceGiven.length > SHOWN) lines.push(`  and ${n(r.cadenceGiven.length - SHOWN)} more now have the default cadence`);
  if (r.contactsAdded.length) {
    const names = r.contactsAdded.slice(0, SHOWN).map((c) => `${safeLine(c.name)} (#${c.id})`).join(', ');
    lines.push(`  contacts ${s.dryRun ? 'to add' : 'added'}: ${names}${r.contactsAdded.length > SHOWN ? `, and ${n(r.contactsAdded.length - SHOWN)} more` : ''}`);
  }
  if (r.unknown.length) {
    lines.push(`  not contacts (${n(r.unknown.length)}): ${r.unknown.slice(0, SHOWN).map((u) => `${person(u)} (${n(u.count)})`).join(', ')}${r.unknown.length > SHOWN ? `, and ${n(r.unknown.length - SHOWN)} more` : ''}`);
    lines.push(`  add them: ${safeLine(s.addUnknown)}`);
  }
  lines.push(s.dryRun ? 'Nothing was changed. Run again without --dry-run to import.' : 'Next: net due');
  return lines;
}

export function conversationJson(s: ConversationSummary) {
  const r = s.result;
  const ref = (c: { id: number; name: string }) => ({ id: c.id, name: c.name });
  return {
    file: s.file,
    format: s.format,
    dry_run: s.dryRun,
    me: s.me,
    messages_read: s.messages?.read ?? null,
    messages_matched: s.messages?.matched ?? null,
    added: r.added,
    updated: r.updated,
    unchanged: r.unchanged,
    removed: r.removed,
    without_contact: r.withoutContact,
    logged: r.logged.map((l) => ({ contact: ref(l.contact), conversations: l.conversations, planned: l.planned, no_reply: l.noReply })),
    skipped: [...s.skipped].map(([reason, count]) => ({ reason, count })),
    unknown: r.unknown.map((u) => ({ name: u.name, email: u.email, count: u.count })),
    contacts_added: r.contactsAdded.map(ref),
  };
}

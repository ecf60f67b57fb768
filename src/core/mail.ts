// Which messages of a mailbox are conversations with contacts, and which went unanswered.
// Pure: the mailbox is read by formats/mbox.ts and the contacts are known by their emails.
import type { FoundConversation } from './conversations.js';
import type { IsoDate } from './types.js';

/** A message between you and at least one contact, as much of it as the rules need. */
export interface MailMessage {
  /** Its Message-ID (or, without one, a digest of what it says of itself): the journal knows it as `mail <id>`. */
  messageId: string;
  /** The messages it answers (In-Reply-To, References). */
  refs: string[];
  time: number;
  day: IsoDate;
  /** You sent it (else a contact did). */
  sent: boolean;
  /** The contacts on the other side: the sender of one you received, the recipients of one you sent. */
  contacts: string[];
  subject: string | null;
}

/** Days a contact has to answer before the message counts as unanswered. */
export const REPLY_DAYS = 7;

const DAY_MS = 86_400_000;

/** `Re: Fwd: RE: Coffee?` → `Coffee?`: the subject the conversation was about. */
export function topic(subject: string | null): string | null {
  if (subject === null) return null;
  const t = subject.replace(/^(?:\s*(?:re|fwd?|aw|sv|wg|tr)(?:\[\d+\])?\s*:)+\s*/i, '').trim();
  return t === '' ? null : t;
}

/** Threads by Message-ID, In-Reply-To and References: each message's thread is the one its ids share. */
function threads(messages: readonly MailMessage[]): (m: MailMessage) => string {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root) as string;
    // Path compression keeps long threads cheap.
    let cur = x;
    while (cur !== root) {
      const next = parent.get(cur) as string;
      parent.set(cur, root);
      cur = next;
    }
    return root;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  };
  for (const m of messages) for (const r of m.refs) union(m.messageId, r);
  return (m) => find(m.messageId);
}

export interface MailConversations {
  conversations: FoundConversation[];
  /** Sources of messages a contact answered (their conversations, from an earlier import, are answered). */
  answered: string[];
}

/**
 * One conversation per thread per day, with the contacts of its messages. A day of only
 * messages you sent is unanswered when none of its contacts wrote in that thread after the
 * first of them, and the mailbox runs at least REPLY_DAYS past the last of them (before
 * that, it is too early to say).
 */
export function mailConversations(messages: readonly MailMessage[], mailboxEnd: number): MailConversations {
  const threadOf = threads(messages);
  const groups = new Map<string, MailMessage[]>();
  // A contact's messages in each thread, by time, to find replies.
  const written = new Map<string, number[]>();
  for (const m of messages) {
    const t = threadOf(m);
    const key = `${t}\n${m.day}`;
    const g = groups.get(key);
    if (g) g.push(m);
    else groups.set(key, [m]);
    if (m.sent) continue;
    for (const c of m.contacts) {
      const times = written.get(`${t}\n${c}`);
      if (times) times.push(m.time);
      else written.set(`${t}\n${c}`, [m.time]);
    }
  }
  const conversations: FoundConversation[] = [];
  for (const [key, group] of groups) {
    const thread = key.slice(0, key.lastIndexOf('\n'));
    group.sort((a, b) => a.time - b.time);
    const contacts = [...new Set(group.flatMap((m) => m.contacts))];
    const sent = group.filter((m) => m.sent);
    let noReply = false;
    if (sent.length === group.length) {
      const first = (sent[0] as MailMessage).time;
      const last = (sent[sent.length - 1] as MailMessage).time;
      const replied = contacts.some((c) => (written.get(`${thread}\n${c}`) ?? []).some((t) => t > first));
      noReply = !replied && mailboxEnd >= last + REPLY_DAYS * DAY_MS;
    }
    const first = group[0] as MailMessage;
    conversations.push({
      sources: group.map((m) => `mail ${m.messageId}`),
      on: first.day,
      kind: 'email',
      summary: topic(group.find((m) => m.subject !== null)?.subject ?? null),
      people: contacts.map((email) => ({ email, name: null })),
      noReply,
    });
  }
  conversations.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const answered = messages.filter((m) => !m.sent).flatMap((m) => m.refs.map((r) => `mail ${r}`));
  return { conversations, answered: [...new Set(answered)] };
}

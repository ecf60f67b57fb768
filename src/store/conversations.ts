// Logging the conversations a calendar or a mailbox shows: the people are matched to
// contacts (by email first, then by exact name when only one contact has it), each
// conversation is known by its sources (an event's UID and occurrence, messages'
// Message-IDs), so importing the same or a newer file again adds nothing and changes only
// what moved. The caller runs this inside one write transaction.
import { cadenceFromConversation, thanksOwedByDefault } from '../core/due.js';
import { KINDS } from '../core/kinds.js';
import { matchKey, normalizeText } from '../core/names.js';
import type { FoundConversation, Person } from '../core/conversations.js';
import type { ContactRef } from '../core/types.js';
import type { Row } from './db.js';
import type { ImportedConversation } from './interactions.js';
import type { Journal } from './journal.js';
import { emailKey } from './keys.js';
import { indexRows, SEARCH_SOURCES } from './migrations/002-search.js';
import { refreshActivity } from './migrations/013-etiquette.js';
import { removeRecord, setPeople } from './records.js';

export interface ConversationOptions {
  /** Add the people who are not contacts (`--add-unknown`). */
  addUnknown: boolean;
  /** Sources of planned meetings that the file now says will not happen: removed. */
  calledOff?: readonly string[];
  /** Sources of messages a contact has answered since: their conversations are no longer unanswered. */
  answered?: readonly string[];
}

export interface LoggedWith {
  contact: ContactRef;
  /** Conversations added or changed with them, planned ones and unanswered ones among them. */
  conversations: number;
  planned: number;
  noReply: number;
}

export interface UnknownPerson {
  name: string | null;
  email: string | null;
  /** In how many of the conversations they were. */
  count: number;
}

export interface ConversationResult {
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  /** Conversations with nobody who is a contact. */
  withoutContact: number;
  logged: LoggedWith[];
  unknown: UnknownPerson[];
  contactsAdded: ContactRef[];
  /** Contacts the first conversation gave the default cadence. */
  cadenceGiven: ContactRef[];
  /** Leads whose person was talked to: now followed. */
  leadsFollowed: number[];
}

/**
 * Logs `found`. Like `applyImport`, in bulk: the per-row triggers (activity, search index)
 * stand down while the `bulk` row exists, which they otherwise pay per conversation (the
 * activity of a contact is recounted from all their conversations at each one: a mailbox
 * with 20,000 conversations with one person took minutes). The contacts and conversations
 * touched are brought up to date once, at the end, in the same transaction.
 */
export function applyConversations(j: Journal, found: readonly FoundConversation[], opts: ConversationOptions): ConversationResult {
  const maxId = (table: string) => Number((j.db.stmt(`SELECT coalesce(max(id), 0) AS m FROM ${table}`).get() as Row).m);
  const before = { contacts: maxId('contacts'), interactions: maxId('interactions') };
  j.db.stmt("INSERT OR REPLACE INTO meta (key, value) VALUES ('bulk', '1')").run();
  const touched = { contacts: new Set<number>(), interactions: new Set<number>() };
  const result = logConversations(j, found, opts, touched);
  j.db.stmt("DELETE FROM meta WHERE key = 'bulk'").run();
  if (touched.contacts.size) j.db.stmt(refreshActivity('id IN (SELECT value FROM json_each(?))')).run(JSON.stringify([...touched.contacts]));
  const changed = JSON.stringify([...touched.interactions].filter((id) => id <= before.interactions));
  j.db.stmt(`DELETE FROM search WHERE rowid IN (SELECT value * 8 + ${SEARCH_SOURCES.interactions.tag} FROM json_each(?))`).run(changed);
  j.db.stmt(indexRows('interactions', 'id > ? OR id IN (SELECT value FROM json_each(?))')).run(before.interactions, changed);
  j.db.stmt(indexRows('contacts', 'id > ?')).run(before.contacts);
  return result;
}

function logConversations(
  j: Journal,
  found: readonly FoundConversation[],
  opts: ConversationOptions,
  touched: { contacts: Set<number>; interactions: Set<number> },
): ConversationResult {
  const today = j.db.today;
  const result: ConversationResult = {
    added: 0,
    updated: 0,
    unchanged: 0,
    removed: 0,
    withoutContact: 0,
    logged: [],
    unknown: [],
    contactsAdded: [],
    cadenceGiven: [],
    leadsFollowed: [],
  };
  const known = j.interactions.imported();
  const byEmail = j.db.stmt('SELECT id, name FROM contacts WHERE email_key = ? ORDER BY id LIMIT 1');
  const byName = j.db.stmt('SELECT id, name FROM contacts WHERE name_key = ? ORDER BY id LIMIT 2');
  const peopleOf = j.db.stmt('SELECT contact_id FROM interaction_contacts WHERE interaction_id = ? ORDER BY position, contact_id');
  const unknown = new Map<string, UnknownPerson>();
  const added = new Map<string, ContactRef>();
  const tally = new Map<number, LoggedWith>();

  const match = (p: Person): ContactRef | null => {
    if (p.email) {
      const r = byEmail.get(emailKey(p.email)) as Row | undefined;
      if (r) return { id: Number(r.id), name: String(r.name) };
    }
    if (p.name) {
      const rows = byName.all(matchKey(p.name)) as Row[];
      // Two contacts of one name: the file cannot say which one was there.
      if (rows.length === 1 && rows[0]) return { id: Number(rows[0].id), name: String(rows[0].name) };
    }
    return null;
  };
  const keyOf = (p: Person) => (p.email ? emailKey(p.email) : `name:${matchKey(p.name ?? '')}`);

  for (const c of found) {
    const contacts = new Map<number, ContactRef>();
    for (const p of c.people) {
      const m = match(p) ?? added.get(keyOf(p)) ?? null;
      if (m) {
        contacts.set(m.id, m);
        continue;
      }
      if (!p.email && !p.name) continue;
      if (opts.addUnknown) {
        const id = j.contacts.insert({ name: p.name ?? p.email ?? '', email: p.email, cadenceDays: null, cadencePending: false });
        const ref = { id, name: p.name ?? p.email ?? '' };
        added.set(keyOf(p), ref);
        result.contactsAdded.push(ref);
        contacts.set(id, ref);
        continue;
      }
      const u = unknown.get(keyOf(p)) ?? { name: p.name, email: p.email, count: 0 };
      u.name ??= p.name;
      u.count++;
      unknown.set(keyOf(p), u);
    }
    if (contacts.size === 0) {
      result.withoutContact++;
      continue;
    }
    const ids = [...contacts.keys()];
    const before = c.sources.map((s) => known.get(s)).find((k): k is ImportedConversation => k !== undefined);
    let changed = true;
    if (before) {
      const sources = [...new Set([...before.sources, ...c.sources])];
      // Someone the file names who became a contact since (--add-unknown, net add) joins it; nobody is taken off.
      const had = (peopleOf.all(before.id) as Row[]).map((r) => Number(r.contact_id));
      const joining = ids.filter((id) => !had.includes(id));
      if (joining.length) setPeople(j.db, before.id, [...had, ...joining]);
      for (const id of [...had, ...joining]) touched.contacts.add(id);
      const same =
        before.on === c.on && before.kind === c.kind && before.summary === normalized(c.summary) && before.noReply === c.noReply && sources.length === before.sources.length;
      if (same && joining.length === 0) {
        result.unchanged++;
        changed = false;
      } else if (same) {
        result.updated++;
      } else {
        j.interactions.reimport(before.id, { on: c.on, kind: c.kind, summary: c.summary, noReply: c.noReply, sources });
        touched.interactions.add(before.id);
        Object.assign(before, { on: c.on, kind: c.kind, summary: normalized(c.summary), noReply: c.noReply, sources, planned: c.on > today });
        for (const s of sources) known.set(s, before);
        result.updated++;
      }
      // Moved to a day that has come, answered, or with a lead's person joining: it may follow leads now.
      if (changed) result.leadsFollowed.push(...j.leads.followedBy(before.id));
    } else {
      const id = j.interactions.insert({
        contactIds: ids,
        on: c.on,
        kind: c.kind,
        summary: c.summary,
        thanksOwed: thanksOwedByDefault(c.kind, c.on, today, c.noReply),
        noReply: c.noReply,
        sources: c.sources,
      });
      touched.interactions.add(id);
      for (const cid of ids) touched.contacts.add(cid);
      const entry: ImportedConversation = { id, on: c.on, kind: c.kind, summary: normalized(c.summary), noReply: c.noReply, planned: c.on > today, sources: c.sources };
      for (const s of c.sources) known.set(s, entry);
      result.added++;
      result.leadsFollowed.push(...j.leads.followedBy(id));
    }
    if (!changed) continue;
    for (const ref of contacts.values()) {
      const t = tally.get(ref.id) ?? { contact: ref, conversations: 0, planned: 0, noReply: 0 };
      t.conversations++;
      if (c.on > today) t.planned++;
      if (c.noReply) t.noReply++;
      tally.set(ref.id, t);
    }
  }

  // A planned meeting the newer file says will not happen (cancelled, declined) is gone;
  // one that already happened stays in the journal's past.
  const interaction = KINDS.get('interaction');
  for (const s of opts.calledOff ?? []) {
    const k = known.get(s);
    if (!k || !k.planned || !interaction) continue;
    for (const r of peopleOf.all(k.id) as Row[]) touched.contacts.add(Number(r.contact_id));
    if (removeRecord(j.db, interaction, k.id)) result.removed++;
    for (const other of k.sources) known.delete(other);
  }

  // The first conversation with someone imported without a cadence gives them the default one, as `net log` does.
  for (const t of tally.values()) {
    if (t.conversations - t.planned - t.noReply <= 0) continue;
    const contact = j.contacts.get(t.contact.id);
    if (!contact) continue;
    const cadence = cadenceFromConversation(contact, false);
    if (cadence !== null) {
      j.contacts.update(contact.id, { cadenceDays: cadence, cadencePending: false });
      result.cadenceGiven.push(t.contact);
    }
  }
  // A reply in a newer mailbox clears the no-reply of the message it answers, even when
  // that message is not in the file any more.
  const cleared = new Set<number>();
  for (const s of opts.answered ?? []) {
    const k = known.get(s);
    if (!k || !k.noReply || cleared.has(k.id)) continue;
    j.interactions.setNoReply(k.id, false);
    for (const r of peopleOf.all(k.id) as Row[]) touched.contacts.add(Number(r.contact_id));
    k.noReply = false;
    cleared.add(k.id);
    result.updated++;
  }

  result.logged = [...tally.values()].sort((a, b) => b.conversations - a.conversations || a.contact.name.localeCompare(b.contact.name));
  result.unknown = [...unknown.values()].sort((a, b) => b.count - a.count || (a.name ?? a.email ?? '').localeCompare(b.name ?? b.email ?? ''));
  return result;
}

/** A summary as the journal stores it (as `Interactions.insert` does), to compare with what it holds. */
function normalized(summary: string | null): string | null {
  return summary && summary.trim() !== '' ? normalizeText(summary) : null;
}

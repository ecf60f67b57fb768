// Logging the conversations a calendar or a mailbox shows: the people are matched to
// contacts (by email first, then by exact name when only one contact has it), each
// conversation is known by its sources (an event's UID and occurrence, messages'
// Message-IDs), so importing the same or a newer file again adds nothing and changes only
// what moved. The caller runs this inside one write transaction.
import { cadenceFromConversation, thanksOwedByDefault } from '../core/due.js';
import { KINDS } from '../core/kinds.js';
import { matchKey, normalizeText } from '../core/names.js';
import type { ContactRef, InteractionKind, IsoDate } from '../core/types.js';
import type { Row } from './db.js';
import type { ImportedConversation } from './interactions.js';
import type { Journal } from './journal.js';
import { emailKey } from './keys.js';
import { removeRecord, setPeople } from './records.js';

export interface Person {
  email: string | null;
  name: string | null;
}

/** One conversation as a file shows it. */
export interface FoundConversation {
  /** What it is known by; any one already known makes it that conversation. */
  sources: string[];
  on: IsoDate;
  kind: InteractionKind;
  summary: string | null;
  /** Everyone in it but you. */
  people: Person[];
  noReply: boolean;
}

export interface ConversationOptions {
  /** Add the people who are not contacts (`--add-unknown`). */
  addUnknown: boolean;
  /** Sources of planned meetings that the file now says will not happen: removed. */
  calledOff?: readonly string[];
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

export function applyConversations(j: Journal, found: readonly FoundConversation[], opts: ConversationOptions): ConversationResult {
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
      const same =
        before.on === c.on && before.kind === c.kind && before.summary === normalized(c.summary) && before.noReply === c.noReply && sources.length === before.sources.length;
      if (same && joining.length === 0) {
        result.unchanged++;
        changed = false;
      } else if (same) {
        result.updated++;
      } else {
        j.interactions.reimport(before.id, { on: c.on, kind: c.kind, summary: c.summary, noReply: c.noReply, sources });
        Object.assign(before, { on: c.on, kind: c.kind, summary: normalized(c.summary), noReply: c.noReply, sources, planned: c.on > today });
        for (const s of sources) known.set(s, before);
        result.updated++;
      }
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
      const entry: ImportedConversation = { id, on: c.on, kind: c.kind, summary: normalized(c.summary), noReply: c.noReply, planned: c.on > today, sources: c.sources };
      for (const s of c.sources) known.set(s, entry);
      result.added++;
      if (c.on <= today && !c.noReply) result.leadsFollowed.push(...j.leads.followByPeople(ids, c.on));
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
  result.logged = [...tally.values()].sort((a, b) => b.conversations - a.conversations || a.contact.name.localeCompare(b.contact.name));
  result.unknown = [...unknown.values()].sort((a, b) => b.count - a.count || (a.name ?? a.email ?? '').localeCompare(b.name ?? b.email ?? ''));
  return result;
}

/** A summary as the journal stores it (as `Interactions.insert` does), to compare with what it holds. */
function normalized(summary: string | null): string | null {
  return summary && summary.trim() !== '' ? normalizeText(summary) : null;
}

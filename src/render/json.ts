// The machine-readable shapes of the contract: snake_case keys, `YYYY-MM-DD` dates, null for
// absent values. These are a public interface: add keys, never rename them.
import type { Contact, DatedNote, Interaction, Lead, Need, Pledge } from '../core/types.js';

export function contactJson(c: Contact) {
  return {
    id: c.id,
    uuid: c.uuid,
    name: c.name,
    given_name: c.givenName,
    family_name: c.familyName,
    company: c.company,
    role: c.role,
    email: c.email,
    phone: c.phone,
    phone_type: c.phoneType,
    url: c.url,
    tags: c.tags,
    met_where: c.metWhere,
    met_on: c.metOn,
    introduced_by: c.introducedBy ? { id: c.introducedBy.id, name: c.introducedBy.name } : null,
    cadence_days: c.cadenceDays,
    last_contact: c.lastContact,
    archived: c.archived,
  };
}

export function interactionJson(i: Interaction) {
  return {
    id: i.id,
    uuid: i.uuid,
    on: i.on,
    kind: i.kind,
    summary: i.summary,
    contacts: i.contacts.map((c) => ({ id: c.id, name: c.name })),
    thanks_owed: i.thanksOwed,
    thanked_on: i.thankedOn,
    no_reply: i.noReply,
    snoozed_until: i.snoozedUntil,
    note: i.note ?? null,
    intro_of: i.introOf ? { id: i.introOf.id, name: i.introOf.name } : null,
    introduced_by_you: i.introByMe ?? false,
    thanked: (i.thankedPeople ?? []).map((t) => ({ contact_id: t.id, on: t.on })),
    recorded_on: i.recordedOn ?? null,
  };
}

export function leadJson(l: Lead) {
  return {
    id: l.id,
    uuid: l.uuid,
    source: { id: l.source.id, name: l.source.name },
    what: l.what,
    person: l.person ? { id: l.person.id, name: l.person.name } : null,
    company: l.company,
    job: l.job,
    given_on: l.givenOn,
    status: l.status,
    followed_on: l.followedOn,
    reported_on: l.reportedOn,
    outcome: l.outcome,
    snoozed_until: l.snoozedUntil,
    note: l.note ?? null,
    news: l.news ?? null,
    news_on: l.newsOn ?? null,
    recorded_on: l.recordedOn ?? null,
  };
}

export function pledgeJson(p: Pledge) {
  return {
    id: p.id,
    uuid: p.uuid,
    contact: { id: p.contact.id, name: p.contact.name },
    what: p.what,
    direction: p.direction,
    made_on: p.madeOn,
    by: p.by,
    status: p.status,
    closed_on: p.closedOn,
    nudges: p.nudges,
    last_nudged_on: p.lastNudgedOn,
    snoozed_until: p.snoozedUntil,
    note: p.note ?? null,
    thanks_owed: p.thanksOwed ?? false,
    thanked_on: p.thankedOn ?? null,
    recorded_on: p.recordedOn ?? null,
  };
}

export function needJson(n: Need) {
  return {
    id: n.id,
    uuid: n.uuid,
    contact: { id: n.contact.id, name: n.contact.name },
    what: n.what,
    noted_on: n.notedOn,
    status: n.status,
    closed_on: n.closedOn,
    recorded_on: n.recordedOn ?? null,
  };
}

export function noteJson(n: DatedNote) {
  return {
    id: n.id,
    uuid: n.uuid,
    contact: { id: n.contact.id, name: n.contact.name },
    on: n.on,
    text: n.text,
  };
}

/**
 * JSON.stringify escapes C0 controls; DEL, the C1 controls and the bidi controls it passes
 * raw, and a terminal obeys them (ESC's 8-bit twin U+009B starts a control sequence).
 * They can only occur inside strings, where `\uXXXX` is the same text to any JSON reader.
 */
const JSON_UNSAFE = /[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** JSON as net prints and exports it: the exact text, with every control character escaped. */
export function printJson(value: unknown): string {
  return jsonSafe(JSON.stringify(value, null, 2));
}

/** JSON text with those control characters written as `\\uXXXX` (the same text to any reader). */
export function jsonSafe(json: string): string {
  return json.replace(JSON_UNSAFE, (ch) => `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}

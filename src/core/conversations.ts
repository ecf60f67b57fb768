// Which events of a calendar are conversations worth logging, and with whom. Pure: the
// calendar is read by formats/icalendar.ts and the people are matched by the store.
import type { InteractionKind, IsoDate } from './types.js';

export interface EventPerson {
  /** Lower-case address, or null when the calendar gives none. */
  email: string | null;
  name: string | null;
  organizer: boolean;
  /** PARTSTAT=DECLINED. */
  declined: boolean;
  /** A room or a projector (CUTYPE=ROOM or RESOURCE), not a person. */
  resource: boolean;
}

/** One occurrence of a calendar event. */
export interface EventOccurrence {
  /** What the journal knows it by across imports: its UID, and for a recurring event the day of the occurrence. */
  key: string;
  /** The day it starts, in its own time zone. */
  on: IsoDate;
  summary: string | null;
  cancelled: boolean;
  allDay: boolean;
  /** A video room or a phone number in its location, URL or description. */
  online: boolean;
  /** The organizer first, then the attendees, as the file lists them (repeats included). */
  people: EventPerson[];
}

/** Someone on the other side of a conversation, as a file names them. */
export interface Person {
  email: string | null;
  name: string | null;
}

/** One conversation as a file shows it, before its people are matched to contacts. */
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

/** More attendees than this make a talk or an all-hands, not a conversation. */
export const MAX_ATTENDEES = 20;

export const SKIP = {
  cancelled: 'cancelled events',
  declined: 'events you declined',
  crowded: `events with more than ${MAX_ATTENDEES} attendees`,
  allDay: 'all-day events without attendees',
  alone: 'events only you attend',
  othersDeclined: 'events everyone else declined',
} as const;

export type EventVerdict = { skip: string } | { kind: InteractionKind; others: EventPerson[] };

/** Same person: same address, or (without one) the same name. */
function personKey(p: EventPerson): string {
  return p.email ?? `name:${(p.name ?? '').trim().toLowerCase()}`;
}

/**
 * What an occurrence is: skipped (and why), or a conversation of `kind` with `others` (the
 * people other than you who did not decline). `me` holds your addresses; when none is known,
 * a person alone on an event is taken to be you.
 */
export function judgeEvent(e: EventOccurrence, me: ReadonlySet<string>): EventVerdict {
  if (e.cancelled) return { skip: SKIP.cancelled };
  const seen = new Map<string, EventPerson>();
  for (const p of e.people) {
    if (p.resource || (p.email === null && !p.name)) continue;
    const k = personKey(p);
    const had = seen.get(k);
    // The organizer is often listed again as an attendee: the attendee's answer counts.
    if (!had || had.organizer) seen.set(k, { ...p, organizer: had?.organizer ?? p.organizer });
  }
  const people = [...seen.values()];
  const attendees = e.people.filter((p) => !p.organizer && !p.resource);
  const isMe = (p: EventPerson) => p.email !== null && me.has(p.email);
  if (people.some((p) => isMe(p) && p.declined)) return { skip: SKIP.declined };
  if (people.length > MAX_ATTENDEES) return { skip: SKIP.crowded };
  if (e.allDay && attendees.length === 0) return { skip: SKIP.allDay };
  const notMe = people.filter((p) => !isMe(p));
  if (notMe.length === 0 || (me.size === 0 && people.length === 1)) return { skip: SKIP.alone };
  const others = notMe.filter((p) => !p.declined);
  if (others.length === 0) return { skip: SKIP.othersDeclined };
  return { kind: e.online && others.length === 1 ? 'call' : 'meeting', others };
}

// Calendar exports as Google Calendar, Outlook and Apple Calendar write them, made by the
// tests (today is 2026-10-01 in every test that uses them). CRLF line endings, folded lines
// and the quirks of each: Google writes times in UTC and names the calendar by its owner's
// address; Outlook names Windows time zones and defines them in the file; Apple names IANA
// zones, and its calendar's name is not an address.

const crlf = (lines: string[]) => lines.join('\r\n') + '\r\n';

/** A line folded at 75 octets, as RFC 5545 wants. */
function fold(line: string): string {
  const out: string[] = [];
  let rest = line;
  while (Buffer.byteLength(rest) > 75) {
    let cut = 74;
    while (Buffer.byteLength(rest.slice(0, cut)) > 74) cut--;
    out.push(rest.slice(0, cut));
    rest = ` ${rest.slice(cut)}`;
  }
  out.push(rest);
  return out.join('\r\n');
}

export const HOSTILE_SUMMARY = 'Chat \x1b[31mred\x1b[0m \u202eevil\u202c bell\x07 end';
export const LONG_NAME = 'L'.repeat(5000);

function crowd(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `ATTENDEE;CN=Person ${i}:mailto:person${i}@big.example`);
}

export function googleCalendar(): string {
  return crlf(
    [
      'BEGIN:VCALENDAR',
      'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
      'VERSION:2.0',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:me@example.com',
      'X-WR-TIMEZONE:Europe/Paris',
      // 22:30 UTC on Sep 14 is 00:30 on Sep 15 in Paris: the day is the calendar's.
      'BEGIN:VEVENT',
      'DTSTART:20260914T223000Z',
      'DTEND:20260914T233000Z',
      'UID:g-coffee@google.com',
      'ORGANIZER;CN=Me:mailto:me@example.com',
      'ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Dana Whitfield;X-NUM-GUESTS=0:mailto:Dana@Acme.com',
      'ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=me@example.com:mailto:me@example.com',
      'DESCRIPTION:Join with Google Meet: https://meet.google.com/abc-defg-hij',
      'SUMMARY:Coffee with Dana',
      'STATUS:CONFIRMED',
      'END:VEVENT',
      // A weekly one-to-one with Bob (matched by name: his address is not in the journal),
      // with a skipped week, a moved week and a cancelled week.
      'BEGIN:VEVENT',
      'DTSTART;TZID=Europe/Paris:20260804T100000',
      'DTEND;TZID=Europe/Paris:20260804T103000',
      'RRULE:FREQ=WEEKLY;COUNT=6',
      'EXDATE;TZID=Europe/Paris:20260811T100000',
      'UID:g-weekly@google.com',
      'ORGANIZER;CN=Me:mailto:me@example.com',
      'ATTENDEE;PARTSTAT=ACCEPTED;CN=Bob Ortiz:mailto:bob.personal@gmail.com',
      'ATTENDEE;PARTSTAT=ACCEPTED;CN=Room 4;CUTYPE=ROOM:mailto:room4@resource.example',
      'ATTENDEE;PARTSTAT=ACCEPTED:mailto:me@example.com',
      'SUMMARY:Weekly with Bob',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'RECURRENCE-ID;TZID=Europe/Paris:20260818T100000',
      'DTSTART;TZID=Europe/Paris:20260819T160000',
      'DTEND;TZID=Europe/Paris:20260819T163000',
      'UID:g-weekly@google.com',
      'ORGANIZER;CN=Me:mailto:me@example.com',
      'ATTENDEE;PARTSTAT=ACCEPTED;CN=Bob Ortiz:mailto:bob.personal@gmail.com',
      'ATTENDEE;PARTSTAT=ACCEPTED:mailto:me@example.com',
      'SUMMARY:Weekly with Bob (moved)',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'RECURRENCE-ID;TZID=Europe/Paris:20260825T100000',
      'DTSTART;TZID=Europe/Paris:20260825T100000',
      'UID:g-weekly@google.com',
      'STATUS:CANCELLED',
      'SUMMARY:Weekly with Bob',
      'END:VEVENT',
      // Cancelled, declined by me, too crowded, all day without attendees, only me.
      'BEGIN:VEVENT',
      'DTSTART:20260901T090000Z',
      'UID:g-cancelled@google.com',
      'STATUS:CANCELLED',
      'ATTENDEE;CN=Dana Whitfield:mailto:dana@acme.com',
      'ATTENDEE:mailto:me@example.com',
      'SUMMARY:Cancelled lunch',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART:20260902T090000Z',
      'UID:g-declined@google.com',
      'ORGANIZER;CN=Dana Whitfield:mailto:dana@acme.com',
      'ATTENDEE;PARTSTAT=DECLINED:mailto:me@example.com',
      'SUMMARY:Team offsite',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART:20260903T090000Z',
      'UID:g-crowd@google.com',
      'ATTENDEE;CN=Dana Whitfield:mailto:dana@acme.com',
      ...crowd(21),
      'SUMMARY:All hands',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20260904',
      'DTEND;VALUE=DATE:20260905',
      'UID:g-holiday@google.com',
      'SUMMARY:Holiday',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART:20260905T090000Z',
      'UID:g-alone@google.com',
      'ORGANIZER:mailto:me@example.com',
      'SUMMARY:Focus time',
      'END:VEVENT',
      // Ahead of today: a planned meeting.
      'BEGIN:VEVENT',
      'DTSTART:20261020T090000Z',
      'UID:g-future@google.com',
      'ORGANIZER:mailto:me@example.com',
      'ATTENDEE;CN=Dana Whitfield:mailto:dana@acme.com',
      'SUMMARY:Follow-up with Dana',
      'END:VEVENT',
      // Strangers, with and without a name, and hostile text.
      'BEGIN:VEVENT',
      'DTSTART:20260920T090000Z',
      'UID:g-strangers@google.com',
      'ORGANIZER:mailto:me@example.com',
      'ATTENDEE;CN=Dana Whitfield:mailto:dana@acme.com',
      'ATTENDEE;CN="Sam \x1b[2J Stranger":mailto:sam@strangers.example',
      'ATTENDEE:mailto:nameless@strangers.example',
      fold(`SUMMARY:${HOSTILE_SUMMARY}`),
      'END:VEVENT',
      // Before --since (12 months back by default).
      'BEGIN:VEVENT',
      'DTSTART:20250101T090000Z',
      'UID:g-old@google.com',
      'ATTENDEE;CN=Dana Whitfield:mailto:dana@acme.com',
      'ATTENDEE:mailto:me@example.com',
      'SUMMARY:Old times',
      'END:VEVENT',
      // A start that does not exist, and a name 5,000 characters long.
      'BEGIN:VEVENT',
      'DTSTART:20260231T090000Z',
      'UID:g-feb31@google.com',
      'ATTENDEE;CN=Dana Whitfield:mailto:dana@acme.com',
      'ATTENDEE:mailto:me@example.com',
      'SUMMARY:Never',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART:20260921T090000Z',
      'UID:g-long@google.com',
      'ATTENDEE:mailto:me@example.com',
      fold(`ATTENDEE;CN=${LONG_NAME}:mailto:long@strangers.example`),
      'SUMMARY:Long name',
      'END:VEVENT',
      'END:VCALENDAR',
    ],
  );
}

export function outlookCalendar(): string {
  return crlf([
    'BEGIN:VCALENDAR',
    'PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN',
    'VERSION:2.0',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:Calendar',
    'BEGIN:VTIMEZONE',
    'TZID:Pacific Standard Time',
    'BEGIN:STANDARD',
    'DTSTART:16011104T020000',
    'RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11',
    'TZOFFSETFROM:-0700',
    'TZOFFSETTO:-0800',
    'END:STANDARD',
    'BEGIN:DAYLIGHT',
    'DTSTART:16010311T020000',
    'RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3',
    'TZOFFSETFROM:-0800',
    'TZOFFSETTO:-0700',
    'END:DAYLIGHT',
    'END:VTIMEZONE',
    // 23:30 in California: the day is California's, whatever the computer's zone.
    'BEGIN:VEVENT',
    'ORGANIZER;CN="Dana Whitfield":mailto:dana@acme.com',
    'ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=TRUE;CN=me@example.com:mailto:me@example.com',
    'DTSTART;TZID="Pacific Standard Time":20260910T233000',
    'DTEND;TZID="Pacific Standard Time":20260910T235900',
    'SUMMARY;LANGUAGE=en-us:Late call',
    'UID:040000008200E00074C5B7101A82E00800000000A0B1C2D3E4F5',
    'X-MICROSOFT-SKYPETEAMSMEETINGURL:https://teams.microsoft.com/l/meetup-join/19%3ameeting',
    'END:VEVENT',
    // Monthly, the second occurrence moved to another day.
    'BEGIN:VEVENT',
    'ORGANIZER;CN=me@example.com:mailto:me@example.com',
    'ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=Bob Ortiz:mailto:bob@globex.example',
    'ATTENDEE;ROLE=OPT-PARTICIPANT;PARTSTAT=TENTATIVE;RSVP=TRUE;CN=Dana Whitfield:mailto:dana@acme.com',
    'RRULE:FREQ=MONTHLY;BYMONTHDAY=15;COUNT=3',
    'DTSTART;TZID="Pacific Standard Time":20260715T090000',
    'SUMMARY:Monthly catch-up',
    'LOCATION:Cafe Bennu',
    'UID:040000008200E00074C5B7101A82E008000000001111',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'ORGANIZER;CN=me@example.com:mailto:me@example.com',
    'ATTENDEE;CN=Bob Ortiz:mailto:bob@globex.example',
    'ATTENDEE;CN=Dana Whitfield:mailto:dana@acme.com',
    'RECURRENCE-ID;TZID="Pacific Standard Time":20260815T090000',
    'DTSTART;TZID="Pacific Standard Time":20260817T090000',
    'SUMMARY:Monthly catch-up',
    'UID:040000008200E00074C5B7101A82E008000000001111',
    'END:VEVENT',
    'END:VCALENDAR',
  ]);
}

/** Apple names its calendar ("Work"), not its owner: you are guessed, or given with --me. */
export function appleCalendar(): string {
  return crlf([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Apple Inc.//macOS 14.0//EN',
    'CALSCALE:GREGORIAN',
    'X-WR-CALNAME:Work',
    'BEGIN:VTIMEZONE',
    'TZID:Asia/Tokyo',
    'BEGIN:STANDARD',
    'DTSTART:19510908T230000',
    'TZOFFSETFROM:+0900',
    'TZOFFSETTO:+0900',
    'END:STANDARD',
    'END:VTIMEZONE',
    'BEGIN:VEVENT',
    'UID:A1B2C3D4-0000-0000-0000-000000000001',
    'DTSTART;TZID=Asia/Tokyo:20260922T080000',
    'DTEND;TZID=Asia/Tokyo:20260922T090000',
    'SUMMARY:Breakfast with Dana',
    'ATTENDEE;CN="Dana Whitfield";CUTYPE=INDIVIDUAL;PARTSTAT=ACCEPTED:mailto:dana@acme.com',
    'ATTENDEE;CN="Me Myself";CUTYPE=INDIVIDUAL;PARTSTAT=ACCEPTED;ROLE=CHAIR:mailto:me@icloud.example',
    'ORGANIZER;CN="Me Myself":mailto:me@icloud.example',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:A1B2C3D4-0000-0000-0000-000000000002',
    'DTSTART;TZID=Asia/Tokyo:20260923T080000',
    'SUMMARY:Call Bob',
    'URL;VALUE=URI:https://zoom.us/j/123456',
    'ATTENDEE;CN="Bob Ortiz";PARTSTAT=ACCEPTED:mailto:bob@globex.example',
    'ATTENDEE;CN="Me Myself";PARTSTAT=ACCEPTED:mailto:me@icloud.example',
    'END:VEVENT',
    'END:VCALENDAR',
  ]);
}

// Drafts of the messages net due asks for: plain text, short, ready to edit. Every kind is
// one template function over the same named fields; a user's own template
// ($XDG_CONFIG_HOME/net/templates/<kind>.txt) uses those fields as {name}, {what}, ….
// Pure: the command reads the records and the override files.
import type { DueKind } from '../core/due.js';
import { UsageError } from '../core/errors.js';
import type { Contact, Interaction, IsoDate, Lead, Need } from '../core/types.js';
import type { ItemRecord } from '../store/items.js';
import { safe, safeLine } from './text.js';

export interface Draft {
  subject: string;
  body: string;
}

/** What a draft is written from. */
export interface DraftFacts {
  kind: DueKind;
  /** Who the message is for: the item's contact, or the person a lead points to. */
  to: Contact;
  /** The contact the item is about (the lead's source when the message goes to its person). */
  about: Contact;
  record: ItemRecord;
  /** The recipient's open needs, oldest first. */
  needs: readonly Need[];
  /** The latest conversation with the recipient, if any. */
  last: Interaction | null;
  /** Leads the recipient gave on the day of the conversation being thanked for. */
  gave: readonly Lead[];
  today: IsoDate;
}

/** The fields a template can use, each documented in the README. */
export const DRAFT_FIELDS = ['name', 'first_name', 'email', 'occasion', 'date', 'summary', 'what', 'by', 'gave', 'person', 'source', 'outcome', 'need', 'needs'] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];
export type DraftValues = Record<DraftField, string>;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "30 September", with the year when it is not this year's. */
export function longDate(iso: IsoDate, today: IsoDate): string {
  const [y, m, d] = iso.split('-');
  const day = `${Number(d)} ${MONTHS[Number(m) - 1] ?? ''}`;
  return y === today.slice(0, 4) ? day : `${day} ${y}`;
}

const OCCASION: Record<string, string> = { intro: 'introduction', other: 'conversation' };

function occasion(i: Interaction | null): string {
  return i === null ? '' : (OCCASION[i.kind] ?? i.kind);
}

/** The fields of one item, every value one line of plain text (empty when unknown). */
export function draftValues(f: DraftFacts): DraftValues {
  const r = f.record;
  const thanked = r.type === 'interaction' ? r.record : null;
  const conversation = thanked ?? f.last;
  const lead = r.type === 'lead' ? r.record : null;
  const pledge = r.type === 'promise' ? r.record : null;
  const job = r.type === 'job' ? r.record : null;
  const date = pledge?.madeOn ?? lead?.givenOn ?? conversation?.on ?? null;
  const values: DraftValues = {
    name: f.to.name,
    first_name: (f.to.name.trim().split(/\s+/)[0] ?? '').replace(/[,;:.]+$/, ''),
    email: f.to.email ?? '',
    occasion: occasion(conversation),
    date: date === null ? '' : longDate(date, f.today),
    summary: conversation?.summary ?? '',
    what: pledge?.what ?? lead?.what ?? (job ? `${job.title} at ${job.company}` : ''),
    by: pledge?.by ? longDate(pledge.by, f.today) : '',
    gave: f.gave.map((l) => (l.person ? `the introduction to ${l.person.name}` : `the lead (${l.what})`)).join(' and '),
    person: lead?.person?.name ?? '',
    source: f.about.name,
    outcome: lead?.outcome ?? (job?.stage === 'offer' ? 'an offer' : job?.stage === 'rejected' ? 'they said no' : ''),
    need: f.needs[0]?.what ?? '',
    needs: f.needs.map((n) => n.what).join('; '),
  };
  // Journal text is hostile: no field may carry a line break or a control character. A
  // trailing full stop is dropped, since the templates end their sentences themselves.
  for (const k of DRAFT_FIELDS) values[k] = safeLine(values[k]).trim().replace(/\.+$/, '');
  return values;
}

const SIGN_OFF = 'Best,\n';

function lines(...parts: Array<string | false>): string {
  return `${parts.filter((p) => p !== false).join('\n\n')}\n\n${SIGN_OFF}`;
}

function helpWith(v: DraftValues): string | false {
  return v.need !== '' && `You mentioned you are looking for ${v.need}. If I come across anything that could help, I will send it your way.`;
}

/** One function per kind: the default message. */
export const TEMPLATES: Record<DueKind, (v: DraftValues) => Draft> = {
  thanks: (v) => ({
    subject: v.occasion ? `Thank you for the ${v.occasion}` : 'Thank you',
    body: lines(
      `Hi ${v.first_name},`,
      `Thank you for your time${v.occasion ? ` at our ${v.occasion}` : ''}${v.date ? ` on ${v.date}` : ''}.${v.summary ? ` I am still thinking about what we discussed: ${v.summary}.` : ''}`,
      v.gave !== '' && `Thank you as well for ${v.gave}; I will follow it up and let you know how it goes.`,
      helpWith(v),
    ),
  }),
  report: (v) => ({
    subject: `How your lead went: ${v.what}`,
    body: lines(
      `Hi ${v.first_name},`,
      `You gave me a lead${v.date ? ` on ${v.date}` : ''}: ${v.what}.${v.person ? ` You also put me in touch with ${v.person}.` : ''} Here is how it went: ${v.outcome || '[what happened]'}.`,
      'Thank you again for thinking of me; it made a real difference.',
    ),
  }),
  lead: (v) =>
    v.source !== v.name
      ? {
          subject: `${v.source} suggested I get in touch`,
          body: lines(`Hi ${v.first_name},`, `${v.source} suggested I get in touch with you about ${v.what}. Would you have 20 minutes for a call in the next couple of weeks?`),
        }
      : {
          subject: `Your suggestion: ${v.what}`,
          body: lines(`Hi ${v.first_name},`, `Thank you again for suggesting ${v.what}. I am following it up now: is there someone you would suggest I contact, and may I mention your name?`),
        },
  followup: (v) => ({
    subject: 'Catching up',
    body: lines(
      `Hi ${v.first_name},`,
      `It has been a while since our ${v.occasion || 'last conversation'}${v.date ? ` on ${v.date}` : ''}${v.summary ? ` (${v.summary})` : ''}, and I wanted to see how you are.`,
      v.need !== '' ? `Are you still looking for ${v.need}? I would be glad to help if I can.` : 'What are you working on these days?',
    ),
  }),
  upcoming: (v) => ({
    subject: v.occasion ? `Looking forward to our ${v.occasion}` : 'Looking forward to meeting',
    body: lines(`Hi ${v.first_name},`, `Just confirming our ${v.occasion || 'meeting'}${v.date ? ` on ${v.date}` : ''}. Looking forward to it.`),
  }),
  nudge: (v) => ({
    subject: `Following up: ${v.what}`,
    body: lines(
      `Hi ${v.first_name},`,
      `I hope you are well. When we spoke${v.date ? ` on ${v.date}` : ''}, you kindly offered ${v.what}. Is that still possible? No rush if now is not a good time.`,
    ),
  }),
  job: (v) =>
    v.outcome !== ''
      ? {
          subject: `How my application went: ${v.what}`,
          body: lines(
            `Hi ${v.first_name},`,
            `You helped me apply for ${v.what}, so I wanted you to hear how it went: ${v.outcome}.`,
            'Thank you again for your help; it made a real difference.',
          ),
        }
      : {
          subject: `My application: ${v.what}`,
          body: lines(`Hi ${v.first_name},`, `I applied for ${v.what} a little while ago. Have you heard anything about where it stands, or whom I could ask?`),
        },
  landed: (v) => ({
    subject: 'Some news: I landed a job',
    body: lines(
      `Hi ${v.first_name},`,
      `I wanted you to be among the first to know: I have accepted ${v.what || 'a new job'}.`,
      'Thank you for your help along the way; it made a real difference. If I can ever return the favour, just ask.',
      helpWith(v),
    ),
  }),
  promise: (v) => ({
    subject: v.what,
    body: lines(`Hi ${v.first_name},`, `As promised${v.date ? ` when we spoke on ${v.date}` : ''}: ${v.what}.`, '[add it here]'),
  }),
};

/**
 * A user's template: `{field}` replaced by its value; a first line `Subject: …` gives the
 * subject (else the default's), the rest is the body. An unknown field is an error that
 * names the file, so that a typo does not go out in a message.
 */
export function fillTemplate(text: string, v: DraftValues, fallbackSubject: string, file: string): Draft {
  const fill = (s: string) =>
    s.replace(/\{([a-z_]+)\}/g, (whole, field: string) => {
      if (!(DRAFT_FIELDS as readonly string[]).includes(field)) {
        throw new UsageError(`${file} uses {${field}}, which is not a template field. Use one of: ${DRAFT_FIELDS.map((f) => `{${f}}`).join(' ')}.`);
      }
      return v[field as DraftField];
    });
  const normalized = text.replace(/\r\n?/g, '\n');
  const m = /^Subject:[ \t]*(.*)\n?/i.exec(normalized);
  const subject = m ? safeLine(fill(m[1] ?? '')).trim() : fallbackSubject;
  const body = fill(m ? normalized.slice(m[0].length) : normalized).replace(/^\n+/, '');
  return { subject, body: body.endsWith('\n') ? body : `${body}\n` };
}

/** An address that can stand alone in a header and a URL: one addr-spec, nothing around it. */
const EMAIL = /^[^\s<>()[\]\\,;:"@]+@[^\s<>()[\]\\,;:"@]+\.[^\s<>()[\]\\,;:"@]+$/;

/** The recipient's address, or an error when it could carry more than one address or a header. */
export function checkedEmail(c: Contact): string | null {
  if (c.email === null || c.email === '') return null;
  if (!EMAIL.test(c.email)) {
    throw new UsageError(`${safeLine(c.name)}'s email "${safeLine(c.email)}" is not one plain address. Fix it with: net edit ${c.id} --email <address>`);
  }
  return c.email;
}

/** A display name as RFC 5322 allows it: one line, quoted, with quotes and backslashes escaped. */
function displayName(name: string): string {
  return `"${safeLine(name).replace(/[\\"]/g, (ch) => `\\${ch}`)}"`;
}

/** The draft as plain text: headers, a blank line, the body. Control characters are made visible. */
export function draftText(d: Draft, to: { name: string; email: string } | null): string {
  const headers = [...(to ? [`To: ${displayName(to.name)} <${safeLine(to.email)}>`] : []), `Subject: ${safeLine(d.subject)}`];
  return `${headers.join('\n')}\n\n${safe(d.body)}`;
}

/** A mailto: URL (RFC 6068): every part percent-encoded, line breaks as CRLF, so nothing can add a header. */
export function mailtoUrl(d: Draft, email: string | null): string {
  const address = email === null ? '' : encodeURIComponent(email).replace(/%40/g, '@');
  const body = safe(d.body).replace(/\n/g, '\r\n');
  return `mailto:${address}?subject=${encodeURIComponent(safeLine(d.subject))}&body=${encodeURIComponent(body)}`;
}

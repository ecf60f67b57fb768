import type { Colors } from './colors.js';
import { type DueItem, lateness } from '../core/due.js';
import type { Ledger } from '../core/ledger.js';
import type { Contact, DatedNote, Interaction, IsoDate, Lead, Need, Pledge } from '../core/types.js';
import { hintWord, ledgerText, safe, safeLine } from './text.js';

export interface ContactCard {
  contact: Contact;
  interactions: Interaction[];
  leads: Lead[];
  leadsAbout: Lead[];
  promises: Pledge[];
  needs: Need[];
  /** Dated notes, newest first. */
  notes: DatedNote[];
  due: DueItem[];
  ledger: Ledger;
  onlyTaking: boolean;
}

/** The note `net done` kept on a record, as the end of its line. */
function noteText(note: string | null | undefined, c: Colors): string {
  return note ? c.dim(` — note: ${safeLine(note)}`) : '';
}

/** The contact card for `net show`: who they are, what happened, what is open, give and take. */
export function renderCard(card: ContactCard, c: Colors, today: IsoDate): string {
  const { contact: p } = card;
  const out: string[] = [];
  const line = (label: string, value: string) => out.push(`  ${c.dim(label.padEnd(14))}${value}`);
  out.push(`${c.bold(safeLine(p.name))} ${c.dim(`#${p.id}`)}${p.archived ? c.dim(' (archived)') : ''}`);
  const work = [p.role, p.company].filter((v) => v !== null).map((v) => safeLine(v)).join(' at ');
  if (work) line('Works', work);
  for (const [label, v] of [['Email', p.email], ['Phone', p.phone], ['URL', p.url]] as const) if (v) line(label, safeLine(v));
  if (p.metWhere || p.metOn) line('Met', [p.metOn, p.metWhere ? safeLine(p.metWhere) : null].filter(Boolean).join(', '));
  if (p.introducedBy) line('Introduced', `by ${safeLine(p.introducedBy.name)} (#${p.introducedBy.id})`);
  if (p.tags.length) line('Tags', p.tags.map((t) => safeLine(t)).join(', '));
  line('Keep in touch', p.cadenceDays ? `every ${p.cadenceDays} days` : 'no cadence');
  line('Last contact', p.lastContact ?? 'never');
  if (p.notes) line('Notes', safe(p.notes).replace(/\n/g, `\n${' '.repeat(16)}`));

  const section = (title: string, rows: string[]) => {
    out.push('', c.bold(title));
    out.push(...(rows.length ? rows.map((r) => `  ${r}`) : [c.dim('  none')]));
  };
  section(
    'Owed now',
    card.due.map((d) => `${c.dim(d.id.padEnd(6))}${d.kind.padEnd(9)}${safeLine(d.title)}  ${c.yellow(lateness(d, today))}`),
  );
  section(
    'Timeline',
    card.interactions.map((i) => {
      const others = i.contacts.filter((x) => x.id !== p.id).map((x) => safeLine(x.name));
      const flags = [i.noReply ? 'no reply' : null, i.thanksOwed ? (i.thankedOn ? `thanked ${i.thankedOn}` : 'thank-you owed') : null].filter(Boolean);
      return `${i.on}  ${c.dim(`i${i.id}`.padEnd(6))}${i.kind.padEnd(10)}${safeLine(i.summary ?? '')}${others.length ? c.dim(` with ${others.join(', ')}`) : ''}${flags.length ? c.dim(` (${flags.join(', ')})`) : ''}${noteText(i.note, c)}`;
    }),
  );
  section(
    'Leads they gave',
    card.leads.map(
      (l) =>
        `${c.dim(`l${l.id}`.padEnd(6))}${l.status.padEnd(9)}${safeLine(l.what)}${l.person ? c.dim(` → ${safeLine(l.person.name)}`) : ''}${l.outcome ? c.dim(` (${safeLine(l.outcome)})`) : ''}` +
        `${l.news ? c.dim(` — news ${l.newsOn ?? ''}: ${safeLine(l.news)}`) : ''}${l.note && l.note !== l.outcome ? noteText(l.note, c) : ''}`,
    ),
  );
  if (card.leadsAbout.length) {
    section('Lead about them', card.leadsAbout.map((l) => `${c.dim(`l${l.id}`.padEnd(6))}${l.status.padEnd(9)}from ${safeLine(l.source.name)}: ${safeLine(l.what)}`));
  }
  section(
    'Promises',
    card.promises.map(
      (x) =>
        `${c.dim(`p${x.id}`.padEnd(6))}${(x.direction === 'mine' ? 'yours' : 'theirs').padEnd(7)}${x.status.padEnd(8)}${safeLine(x.what)}${x.by ? c.dim(` by ${x.by}`) : ''}` +
        `${x.thanksOwed ? c.dim(x.thankedOn ? ` (thanked ${x.thankedOn})` : ' (thank-you owed)') : ''}${noteText(x.note, c)}`,
    ),
  );
  section('Needs', card.needs.map((n) => `${c.dim(`n${n.id}`.padEnd(6))}${n.status.padEnd(8)}${safeLine(n.what)}`));
  section(
    'Dated notes',
    card.notes.map((m) => `${m.on}  ${c.dim(`m${m.id}`.padEnd(6))}${safe(m.text).replace(/\n/g, `\n${' '.repeat(20)}`)}`),
  );
  section('Give and take', [`They gave you: ${ledgerText(card.ledger.gaveLines)}`, `You gave them: ${ledgerText(card.ledger.receivedLines)}`]);
  if (card.onlyTaking) {
    const open = card.needs.filter((n) => n.status === 'open').length;
    out.push(c.yellow(`  You have only taken from ${safeLine(p.name)} so far.${open ? ` They have ${open} open need${open === 1 ? '' : 's'}: net needs ${hintWord(p.name)}` : ' Ask what they need: net need <who> "<what>"'}`));
  }
  return out.join('\n');
}

import type { Command } from 'commander';
import { DEFAULT_CADENCE_DAYS } from '../core/due.js';
import { UsageError } from '../core/errors.js';
import { matchKey, parseIdRef } from '../core/names.js';
import type { ContactRef, LeadStatus } from '../core/types.js';
import type { Context } from '../cli/context.js';
import { examples } from '../cli/help.js';
import { sayWaysToGive } from '../cli/hints.js';
import { itemIdArg, pastDateOption, requiredText } from '../cli/inputs.js';
import { aboutSomeone } from './about.js';
import { safeLine } from '../render/text.js';
import { introduced } from './add.js';

interface LeadOptions {
  person?: string;
  company?: string;
  job?: string;
  on?: string;
  outcome?: string;
}

const MOVES = ['followed', 'reported', 'dropped'] as const;
type Move = (typeof MOVES)[number];

/** Which statuses each move may start from. */
const FROM: Record<Move, readonly LeadStatus[]> = {
  followed: ['open'],
  reported: ['open', 'followed'],
  dropped: ['open', 'followed'],
};

export function registerLead(program: Command, ctx: Context): void {
  program
    .command('lead')
    .argument('<who>', 'the contact who gave the lead, or followed|reported|dropped')
    .argument('[what]', 'the lead, or the lead id after followed|reported|dropped|news')
    .argument('[news]', 'after news: what happened since you reported back')
    .summary('record a lead someone gave you, or move one along')
    .description(
      'net lead <who> <what>: a lead that <who> gave you.\n' +
        'net lead followed|reported|dropped <lead-id>: move a lead along (open → followed → reported, or dropped).\n' +
        'net lead news <lead-id> "<what happened>": a later development (an interview, an offer, a no); you owe\n' +
        'whoever gave the lead another report-back.',
    )
    .option('--person <name>', 'the person to talk to (linked if already a contact, else added, introduced by <who>)')
    .option('--company <company>', 'the company the lead is about')
    .option('--job <job>', 'the job or role')
    .option('--on <date>', 'when they gave it, or when it moved (default today)')
    .option('--outcome <text>', 'how it went (with followed, reported or dropped)')
    .addHelpText(
      'after',
      examples([
        'net lead Dana "Bob runs data at Acme" --person "Bob Ortiz" --company Acme',
        'net lead followed l3',
        'net lead reported 3 --outcome "interview on Friday"',
        'net lead dropped l3 --outcome "role filled"',
        'net lead news l3 "offer from Acme"',
      ]),
    )
    .action(async (who: string, what: string | undefined, news: string | undefined, opts: LeadOptions) => {
      if (who === 'news') {
        if (what === undefined) throw new UsageError('Say which lead and what happened: net lead news l3 "offer from Acme"');
        await leadNews(what, news, opts, ctx);
        return;
      }
      if (news !== undefined) throw new UsageError(`Too many words: put the lead in quotes, net lead ${who} "${what ?? ''} ${news}"`);
      if ((MOVES as readonly string[]).includes(who)) {
        if (what === undefined) throw new UsageError(`Say which lead: net lead ${who} l3 (the id net show or net due prints).`);
        await moveLead(who as Move, what, opts, ctx);
      } else {
        await addLead(who, what, opts, ctx);
      }
    });
}

async function addLead(who: string, what: string | undefined, o: LeadOptions, ctx: Context): Promise<void> {
  const { text, contact: source, on: givenOn } = await aboutSomeone(ctx, who, what, o.on, 'what the lead is', 'net lead Dana "Bob runs data at Acme" --person "Bob Ortiz"', 'record a lead once it is given.');
  const j = ctx.journal();
  // Link only an unmistakable match (id or the exact name); anyone else is a new person.
  let existing: ContactRef | undefined;
  if (o.person !== undefined) {
    if (o.person.trim() === '') throw new UsageError('--person needs a name: --person "Bob Ortiz"');
    const id = parseIdRef(o.person);
    existing = id !== null ? j.contacts.ref(id) : j.contacts.candidates(matchKey(o.person)).find((c) => matchKey(c.name) === matchKey(o.person ?? ''));
    if (existing?.id === source.id) throw new UsageError(`${source.name} cannot be the person of their own lead; leave out --person.`);
  }
  const { leadId, personId, created, introThanks } = j.write(() => {
    let personId: number | null = existing?.id ?? null;
    let created = false;
    let introThanks: number | null = null;
    if (o.person !== undefined && personId === null) {
      personId = j.contacts.insert({ name: o.person, company: o.company ?? null, introducedBy: source.id, cadenceDays: DEFAULT_CADENCE_DAYS });
      created = true;
      introThanks = introduced(j, source.id, personId, o.person, givenOn, ctx.today);
    } else if (personId !== null) {
      const p = j.contacts.get(personId);
      if (p && p.introducedBy === null) j.contacts.update(personId, { introducedBy: source.id });
    }
    const leadId = j.leads.insert({ sourceId: source.id, what: text, personId, company: o.company ?? null, job: o.job ?? null, givenOn });
    return { leadId, personId, created, introThanks };
  });
  const person = personId !== null ? j.contacts.ref(personId) : undefined;
  const about = person ? ` (talk to #${person.id} ${safeLine(person.name)}${created ? ', added as a new contact' : ''})` : '';
  ctx.io.out(`Added lead l${leadId} from ${safeLine(source.name)}: ${safeLine(text)}${about}.`);
  if (introThanks !== null) ctx.io.out(`${safeLine(source.name)} is owed a thank-you for the introduction (i${introThanks}).`);
  sayWaysToGive(ctx, [text, o.company, o.job], [source.id, ...(person ? [person.id] : [])]);
  ctx.io.out(
    person
      ? `Next: follow it within 3 days; logging a conversation with ${safeLine(person.name)} marks it followed.`
      : `Next: follow it within 3 days, then net lead followed l${leadId}`,
  );
}

async function moveLead(move: Move, idText: string, o: LeadOptions, ctx: Context): Promise<void> {
  const id = itemIdArg(idText, 'l', 'lead', 'l3');
  const j = ctx.journal();
  const lead = j.leads.get(id);
  if (!lead) throw new UsageError(`There is no lead l${id}. See someone's leads with: net show <who>`);
  if (!FROM[move].includes(lead.status)) {
    throw new UsageError(`Lead l${id} is ${lead.status}; it cannot become ${move}.`);
  }
  const on = await pastDateOption(o.on, '--on', ctx.today, `record it on the day the lead is ${move}.`);
  j.write(() => j.leads.setStatus(id, move, on, o.outcome ?? null));
  const source = safeLine(lead.source.name);
  const next =
    move === 'followed'
      ? `Next: tell ${source} how it went, then net lead reported l${id}`
      : move === 'reported'
        ? 'Next: net due'
        : `Next: let ${source} know, and thank them anyway.`;
  ctx.io.out(`Lead l${id} from ${source} is now ${move}.`);
  ctx.io.out(next);
}

/** A later development of a lead already reported back on: its giver is owed another report. */
async function leadNews(idText: string, news: string | undefined, o: LeadOptions, ctx: Context): Promise<void> {
  const id = itemIdArg(idText, 'l', 'lead', 'l3');
  const text = requiredText(news, 'what happened', `net lead news l${id} "offer from Acme"`);
  const j = ctx.journal();
  const lead = j.leads.get(id);
  if (!lead) throw new UsageError(`There is no lead l${id}. See someone's leads with: net show <who>`);
  if (lead.status === 'open' || lead.status === 'dropped') {
    throw new UsageError(
      lead.status === 'open'
        ? `Lead l${id} is still open: follow it first (net lead followed l${id}), then tell ${safeLine(lead.source.name)} how it went.`
        : `Lead l${id} was dropped; there is no news to report on it.`,
    );
  }
  const on = await pastDateOption(o.on, '--on', ctx.today, 'record news on the day it comes.');
  j.write(() => j.leads.recordNews(id, text, on));
  const source = safeLine(lead.source.name);
  ctx.io.out(`News on lead l${id} from ${source}: ${safeLine(text)}.`);
  ctx.io.out(`Next: tell ${source} the news, then net lead reported l${id}`);
}

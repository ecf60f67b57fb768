import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { addDays } from '../core/dates.js';
import { dueAhead, type DueItem, dueItems } from '../core/due.js';
import { UsageError } from '../core/errors.js';
import type { Contact } from '../core/types.js';
import type { Context } from '../cli/context.js';
import { writeFileAtomic } from '../cli/files.js';
import { examples } from '../cli/help.js';
import { dueItemArg } from '../cli/inputs.js';
import type { Draft, DraftFacts } from '../render/drafts.js';
import { safeLine } from '../render/text.js';
import type { Journal } from '../store/journal.js';

/** How far ahead an item may fall due and still be drafted: the calendar's default window. */
const AHEAD_DAYS = 60;

interface DraftOptions {
  to?: boolean;
  mailto?: boolean;
  output?: string;
}

/** `$XDG_CONFIG_HOME/net/templates` (a relative XDG_CONFIG_HOME is ignored, as the spec says). */
export function templatesDir(env: NodeJS.ProcessEnv): string {
  const config = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(env.HOME || os.homedir(), '.config');
  return path.join(config, 'net', 'templates');
}

function readTemplate(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new UsageError(`Cannot read the template ${file}: ${(err as Error).message}. Fix it or remove it to use the default.`);
  }
}

/** The item net due shows today (snoozed and resting ones too), else one falling due in the coming days. */
function findItem(j: Journal, id: string, today: string): DueItem {
  const input = j.due.input(addDays(today, AHEAD_DAYS));
  const now = dueItems(input, today);
  const owedNow = now.find((i) => i.id === id);
  if (owedNow) return owedNow;
  const ahead = dueAhead(input, today, AHEAD_DAYS).map((e) => e.item);
  const item = ahead.find((i) => i.id === id);
  if (item) return item;
  // An interview with several people owes each their own thank-you (`i12c3`): name them.
  const each = id.startsWith('i') ? [...new Set([...now, ...ahead].map((i) => i.id).filter((i) => i.startsWith(`${id}c`)))] : [];
  if (each.length > 0) {
    throw new UsageError(`${id} was an interview with several people, each owed their own thank-you: draft one with net draft ${each.join(', net draft ')}`);
  }
  throw new UsageError(`Nothing is owed for ${id} today or in the next ${AHEAD_DAYS} days. See the ids with: net due --all`);
}

function contact(j: Journal, id: number): Contact {
  const c = j.contacts.get(id);
  if (!c) throw new Error(`contact ${id} of a due item is missing`);
  return c;
}

export function registerDraft(program: Command, ctx: Context): void {
  program
    .command('draft')
    .argument('<item-id>', 'the id net due printed (i12, l5, p3, c7)')
    .summary('a ready-to-edit message for a due item: the thank-you, the report-back, the nudge…')
    .description(
      'Writes a short plain-text message from what the journal knows: the conversation, what they gave,\n' +
        'their open needs, the lead and its news, the promise. It changes nothing in the journal.\n' +
        'Your own templates: $XDG_CONFIG_HOME/net/templates/<kind>.txt with {name}-style fields (see the README).',
    )
    .option('--to', 'add a To: line with their email address')
    .option('--mailto', 'print a mailto: link instead, to open the draft in your mail program')
    .option('-o, --output <file>', 'write to a file (private, mode 0600) instead of stdout')
    .addHelpText('after', examples(['net draft i12', 'net draft i12c3', 'net draft l5 --to', 'net draft p3 --mailto', 'net draft c7 -o catch-up.txt']))
    .action(async (itemText: string, o: DraftOptions) => {
      // `i12c3`: the thank-you to contact 3 of panel interview i12; `j4c7`: what application j4 owes contact 7.
      const item = dueItemArg(itemText);
      const id = `${item.kind}${item.id}${item.person === null ? '' : `c${item.person}`}`;
      const j = ctx.journal();
      const { itemRecord } = await import('../store/items.js');
      const { TEMPLATES, checkedEmail, draftText, draftValues, fillTemplate, mailtoUrl } = await import('../render/drafts.js');
      const facts = j.read((): DraftFacts => {
        const item = findItem(j, id, ctx.today);
        const record = itemRecord(j, id);
        if (!record) throw new Error(`due item ${id} has no record`);
        if (item.contact === null) throw new UsageError(`${id} is owed to nobody in your journal (the application has no referrer), so there is no one to write to.`);
        const about = contact(j, item.contact.id);
        // Following a lead means writing to the person it points to.
        const to = record.type === 'lead' && item.kind === 'lead' && record.record.person ? contact(j, record.record.person.id) : about;
        const thanked = record.type === 'interaction' ? record.record : null;
        return {
          kind: item.kind,
          to,
          about,
          record,
          needs: j.needs.forContact(to.id).filter((n) => n.status === 'open'),
          last: j.interactions.forContact(to.id).filter((i) => i.on <= ctx.today).at(-1) ?? null,
          gave: thanked ? j.leads.bySource(to.id).filter((l) => l.givenOn === thanked.on) : [],
          today: ctx.today,
        };
      });
      const values = draftValues(facts);
      const file = path.join(templatesDir(ctx.env), `${facts.kind}.txt`);
      const own = readTemplate(file);
      const standard = TEMPLATES[facts.kind](values);
      const draft: Draft = own === null ? standard : fillTemplate(own, values, standard.subject, file);

      let email: string | null = null;
      if (o.to || o.mailto) {
        email = checkedEmail(facts.to);
        if (email === null && o.to) {
          throw new UsageError(`${safeLine(facts.to.name)} has no email address. Add one with: net edit ${facts.to.id} --email <address>, or leave out --to.`);
        }
      }
      const text = o.mailto ? `${mailtoUrl(draft, email)}\n` : draftText(draft, o.to && email !== null ? { name: facts.to.name, email } : null);
      if (o.output === undefined || o.output === '-') {
        ctx.io.out(text.replace(/\n$/, ''));
        return;
      }
      writeFileAtomic(o.output, text, j.file);
      ctx.io.out(`Wrote the ${o.mailto ? 'mailto: link' : 'draft'} for ${id} (to ${safeLine(facts.to.name)}) to ${safeLine(o.output)}. When it is sent: net done ${id}`);
    });
}

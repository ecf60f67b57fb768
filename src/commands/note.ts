import type { Command } from 'commander';
import type { Context } from '../cli/context.js';
import { examples } from '../cli/help.js';
import { sayWaysToGive } from '../cli/hints.js';
import { aboutSomeone } from './about.js';
import { safeLine } from '../render/text.js';

export function registerNote(program: Command, ctx: Context): void {
  program
    .command('note')
    .argument('<who>', 'id or name')
    .argument('<text>', 'what you learned or want to remember')
    .summary('add a dated note about a contact')
    .description(
      'Add a dated note about someone: notes grow over time, and net show lists them newest first.\n' +
        'Each note is a record with its id (m<id>). net edit <who> --note still replaces the main note.',
    )
    .option('--on <date>', 'the day it is about (default today)')
    .addHelpText('after', examples(['net note Dana "moved to the platform team"', 'net note 12 "her daughter starts college in the fall" --on "last tuesday"']))
    .action(async (who: string, text: string, opts: { on?: string }) => {
      const { text: body, contact, on } = await aboutSomeone(ctx, who, text, opts.on, 'what the note says', 'net note Dana "moved to the platform team"', 'date a note today or earlier (a meeting ahead is planned with net log <who> "<what>" --on <date>).');
      const j = ctx.journal();
      const id = j.write(() => j.notes.insert({ contactId: contact.id, text: body, on }));
      ctx.io.out(`Added note m${id} for ${safeLine(contact.name)} (${on}).`);
      sayWaysToGive(ctx, [body], [contact.id]);
      ctx.io.out(`Next: net show ${contact.id}`);
    });
}

import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import type { Context } from '../cli/context.js';
import { examples } from '../cli/help.js';
import { resolveContact } from '../cli/inputs.js';
import { plural, safeLine } from '../render/text.js';

export function registerRm(program: Command, ctx: Context): void {
  program
    .command('rm')
    .argument('<who>', 'id or name')
    .summary('delete a contact and what only they were part of')
    .description(
      'Delete a contact with their interactions (those shared with others stay with the others), the leads they gave, ' +
        'their promises and needs. Asks first on a terminal; without one, needs --yes.',
    )
    .option('-y, --yes', 'do not ask for confirmation')
    .addHelpText('after', examples(['net rm "Dana Whitfield"', 'net rm 12 --yes']))
    .action(async (who: string, opts: { yes?: boolean }) => {
      const contact = await resolveContact(ctx, who);
      const name = safeLine(contact.name);
      if (!opts.yes) {
        if (!ctx.io.canPrompt) throw new UsageError(`Deleting ${name} (#${contact.id}) needs confirmation: add --yes.`);
        const ok = await (await ctx.prompter()).confirm(`Delete ${name} (#${contact.id}) and their records? This cannot be undone.`, false);
        if (!ok) {
          ctx.io.out(`Kept ${name}; nothing was deleted.`);
          return;
        }
      }
      const j = ctx.journal();
      const n = j.write(() => j.contacts.remove(contact.id));
      ctx.io.out(
        `Deleted ${name} (#${contact.id}) with ${plural(n.interactions, 'interaction')}, ${plural(n.leads, 'lead')}, ` +
          `${plural(n.promises, 'promise')} and ${plural(n.needs, 'need')}.`,
      );
    });
}

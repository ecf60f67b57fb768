import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { parseRecordId } from '../core/kinds.js';
import type { Context } from '../cli/context.js';
import { examples } from '../cli/help.js';
import { resolveContact } from '../cli/inputs.js';
import { plural, safeLine } from '../render/text.js';
import { removeRecordCommand } from './records.js';

export function registerRm(program: Command, ctx: Context): void {
  program
    .command('rm')
    .argument('<who>', 'a contact (name, 12, #12 or c12), or a record: i12, l3, p7, n2, j4')
    .summary('delete a contact (with what only they were part of), an interaction, a lead, a promise, a need or an application')
    .description(
      'Delete a contact with their interactions (those shared with others stay with the others), the leads they gave, ' +
        'their promises and needs; or one interaction, lead, promise or need by its id. Asks first on a terminal; without one, ' +
        'needs --yes. net undo brings it back.',
    )
    .option('-y, --yes', 'do not ask for confirmation')
    .addHelpText('after', examples(['net rm "Dana Whitfield"', 'net rm 12 --yes', 'net rm i4 --yes', 'net rm l3', 'net rm j4 --yes']))
    .action(async (who: string, opts: { yes?: boolean }) => {
      const item = parseRecordId(who);
      if (item) return removeRecordCommand(ctx, item, Boolean(opts.yes));
      const contact = await resolveContact(ctx, who);
      const name = safeLine(contact.name);
      if (!opts.yes) {
        if (!ctx.io.canPrompt) throw new UsageError(`Deleting ${name} (#${contact.id}) needs confirmation: add --yes.`);
        const ok = await (await ctx.prompter()).confirm(`Delete ${name} (#${contact.id}) and their records? (net undo brings them back)`, false);
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

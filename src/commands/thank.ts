import type { Command } from 'commander';
import type { Context } from '../cli/context.js';
import { examples } from '../cli/help.js';
import { pastDateOption, resolveContact } from '../cli/inputs.js';
import { plural, safeLine } from '../render/text.js';

export function registerThank(program: Command, ctx: Context): void {
  program
    .command('thank')
    .argument('<who>', 'the contact you thanked')
    .summary('mark every open thank-you to a contact as sent')
    .description('Marks every thank-you owed to them as sent: for conversations, introductions and promises of theirs they kept.')
    .option('--on <date>', 'when you sent it (default today)')
    .addHelpText('after', examples(['net thank Dana', 'net thank "Bob Ortiz" --on yesterday']))
    .action(async (who: string, opts: { on?: string }) => {
      const contact = await resolveContact(ctx, who);
      const on = await pastDateOption(opts.on, '--on', ctx.today, 'record a thank-you on the day you send it.');
      const j = ctx.journal();
      const closed = j.write(() => {
        const ids = j.interactions.openThankIds(contact.id, on);
        j.interactions.thank(contact.id, ids, on);
        const kept = j.promises.openThankIds(contact.id, on);
        j.promises.markThanked(kept, on);
        return ids.length + kept.length;
      });
      const name = safeLine(contact.name);
      if (closed === 0) {
        ctx.io.out(`No thank-you was owed to ${name}; nothing changed.`);
      } else {
        ctx.io.out(`Thanked ${name} (${plural(closed, 'thank-you', 'thank-yous')} closed).`);
      }
      ctx.io.out('Next: net due');
    });
}

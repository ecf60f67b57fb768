import type { Command } from 'commander';
import { dueItems } from '../core/due.js';
import { ledgerFrom, onlyTaking } from '../core/ledger.js';
import type { Context } from '../cli/context.js';
import { examples } from '../cli/help.js';
import { resolveContact } from '../cli/inputs.js';
import { renderCard, type ContactCard } from '../render/card.js';
import { dueJson } from '../render/due.js';
import { contactJson, interactionJson, leadJson, needJson, noteJson, pledgeJson, printJson } from '../render/json.js';

export function registerShow(program: Command, ctx: Context): void {
  program
    .command('show')
    .argument('<who>', 'id or name')
    .summary('the contact card, timeline, open items and give/take ledger')
    .option('--json', 'print JSON')
    .description('The contact card: who they are, open items, timeline, leads, promises, needs, dated notes (newest first) and give and take.')
    .addHelpText('after', examples(['net show Dana', 'net show 12 --json']))
    .action(async (who: string, opts: { json?: boolean }) => {
      const ref = await resolveContact(ctx, who);
      const card = loadCard(ctx, ref.id);
      if (opts.json) {
        ctx.io.out(
          printJson({
            ...contactJson(card.contact),
            notes: card.contact.notes,
            interactions: card.interactions.map(interactionJson),
            leads: card.leads.map(leadJson),
            promises: card.promises.map(pledgeJson),
            needs: card.needs.map(needJson),
            // `notes` is the contact's main note (the contract's key); the dated ones come newest first.
            dated_notes: card.notes.map(noteJson),
            due: card.due.map(dueJson),
            ledger: { gave: card.ledger.gave, received: card.ledger.received },
          }),
        );
        return;
      }
      ctx.io.out(renderCard(card, ctx.io.color, ctx.today));
    });
}

export function loadCard(ctx: Context, id: number): ContactCard {
  const j = ctx.journal();
  const contact = j.contacts.get(id);
  if (!contact) throw new Error(`contact ${id} vanished`);
  const interactions = j.interactions.forContact(id);
  const leads = j.leads.bySource(id);
  const promises = j.promises.forContact(id);
  const needs = j.needs.forContact(id);
  const counts = j.ledgers.of(id, ctx.today);
  if (!counts) throw new Error(`contact ${id} vanished`);
  const l = ledgerFrom(counts);
  return {
    contact,
    interactions,
    leads,
    leadsAbout: j.leads.byPerson(id),
    promises,
    needs,
    notes: j.notes.forContact(id),
    // Every item of a card is owed to its contact (a panel's thank-yous name each person).
    due: dueItems(j.due.input(ctx.today, id), ctx.today).filter((d) => d.state === 'due' && d.contact?.id === id),
    ledger: l,
    onlyTaking: onlyTaking(l),
  };
}

import type { Command } from 'commander';
import type { Context } from '../cli/context.js';
import { examples } from '../cli/help.js';
import { UsageError } from '../core/errors.js';
import { contactTable } from '../render/contacts.js';
import { renderFound } from '../render/find.js';
import { contactJson, printJson } from '../render/json.js';
import { plural, safeLine } from '../render/text.js';

export function registerList(program: Command, ctx: Context): void {
  program
    .command('list')
    .summary('list contacts')
    .option('--tag <tag>', 'only contacts with this tag')
    .option('--company <company>', 'only contacts whose company contains this')
    .option('--archived', 'include archived contacts')
    .option('--json', 'print JSON')
    .addHelpText('after', examples(['net list', 'net list --tag recruiter', 'net list --company acme --json']))
    .action(async (opts: { tag?: string; company?: string; archived?: boolean; json?: boolean }) => {
      // An empty filter would match nothing (--tag) or anyone with a company (--company).
      if (opts.tag !== undefined && opts.tag.trim() === '') throw new UsageError('--tag needs a tag to look for: net list --tag recruiter.');
      if (opts.company !== undefined && opts.company.trim() === '') throw new UsageError('--company needs a company to look for: net list --company acme.');
      const j = ctx.journal();
      const filter = { tag: opts.tag, company: opts.company, includeArchived: opts.archived ?? false };
      if (opts.json) {
        ctx.io.out(printJson(j.contacts.list(filter).map(contactJson)));
        return;
      }
      const contacts = j.contacts.summaries(filter);
      if (contacts.length === 0) {
        ctx.io.out(nothingListed(j.contacts.count(), opts));
        return;
      }
      const table = contactTable(contacts, ctx.io.color, ctx.io.columns);
      await ctx.io.page(ctx.io.stdoutIsTTY ? `${table}\n${ctx.io.color.dim(`${plural(contacts.length, 'contact')}. See one with: net show <who>`)}` : table);
    });

  program
    .command('find')
    .argument('<text>', 'words to look for')
    .summary('search names, companies, notes, conversations, leads and needs')
    .description(
      'Every word must begin a word of the same record ("acm" finds Acme); a word ending in a symbol must appear whole ("C++", "C#").\n' +
        'Under each contact, the text that matched, marked, with the record it is in (c, i, l, p, n, m ids).',
    )
    .option('--json', 'print JSON (each contact with "matches": [{record, field, text}])')
    .addHelpText('after', examples(['net find acme', 'net find "data team" --json', 'net find "C++"']))
    .action((text: string, opts: { json?: boolean }) => {
      const j = ctx.journal();
      const { why, ids } = j.read(() => {
        const explained = j.search.explained(text);
        return { why: explained, ids: [...explained.keys()].sort((a, b) => a - b) };
      });
      if (opts.json) {
        const matches = (id: number) =>
          (why.get(id) ?? []).flatMap((e) => e.matches.map((m) => ({ record: e.record.record, field: m.field, text: m.text })));
        ctx.io.out(printJson(j.contacts.byIds(ids).map((c) => ({ ...contactJson(c), matches: matches(c.id) }))));
        return;
      }
      const contacts = j.contacts.summaries({ ids });
      if (contacts.length === 0) {
        ctx.io.out(`Nothing in the journal matches "${safeLine(text)}".`);
        return;
      }
      ctx.io.out(renderFound(contacts, why, ctx.io.color));
      if (ctx.io.stdoutIsTTY) ctx.io.out(ctx.io.color.dim(`${plural(contacts.length, 'contact')}. See one with: net show <who>`));
    });
}

/** What `net list` says when it lists nobody: no match, everyone archived, or no one yet. */
function nothingListed(total: number, opts: { tag?: string; company?: string; archived?: boolean }): string {
  if (opts.tag !== undefined || opts.company !== undefined) return 'No contacts match. Try net list without filters.';
  if (total === 0) return 'No contacts yet. Add the first person you met: net add "Dana Whitfield" --met "coffee at Bennu"';
  return `No contacts to list: ${total === 1 ? 'your one contact is' : `all ${total} of your contacts are`} archived. See them with: net list --archived`;
}

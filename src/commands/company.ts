// `net company <name>`: everything the journal knows at one company; `net companies`: all of them.
import type { Command } from 'commander';
import { type Company, companyCounts, companyView } from '../core/companies.js';
import { UsageError } from '../core/errors.js';
import { daysInStage } from '../core/jobs.js';
import type { Context } from '../cli/context.js';
import { examples } from '../cli/help.js';
import { jobJson } from '../render/jobs.js';
import { leadJson, needJson, printJson } from '../render/json.js';
import { table } from '../render/table.js';
import { plural, safeLine } from '../render/text.js';
import { Companies } from '../store/companies.js';

function companyJson(c: Company, today: string) {
  return {
    name: c.name,
    people: c.people.map((p) => ({ id: p.id, name: p.name, company: p.company, role: p.role })),
    leads: c.leads.map(leadJson),
    applications: c.applications.map((j) => jobJson(j, today)),
    needs: c.needs.map(needJson),
    introducers: c.introducers.map((i) => ({ contact: { id: i.contact.id, name: i.contact.name }, why: i.why })),
  };
}

function companyText(c: Company, today: string): string {
  const lines: string[] = [safeLine(c.name)];
  const part = (title: string, rows: string[], empty: string) => {
    lines.push('', `${title} (${rows.length})`);
    lines.push(...(rows.length ? rows.map((r) => `  ${r}`) : [`  ${empty}`]));
  };
  part('People you know there', c.people.map((p) => `#${p.id} ${safeLine(p.name)}${p.role ? `, ${safeLine(p.role)}` : ''}`), 'nobody yet');
  part(
    'Leads',
    c.leads.map((l) => `l${l.id} from ${safeLine(l.source.name)}: ${safeLine(l.what)}${l.person ? ` (talk to ${safeLine(l.person.name)})` : ''}, ${l.status}`),
    'none',
  );
  part(
    'Applications',
    c.applications.map((j) => `j${j.id} ${safeLine(j.title)}: ${j.stage}, ${plural(daysInStage(j, today), 'day')}${j.via ? `, referred by ${safeLine(j.via.name)}` : ''}`),
    'none',
  );
  part('Open needs of people there', c.needs.map((n) => `n${n.id} ${safeLine(n.contact.name)}: ${safeLine(n.what)}`), 'none');
  part('Who could introduce you', c.introducers.map((i) => `#${i.contact.id} ${safeLine(i.contact.name)}: ${safeLine(i.why)}`), 'nobody the journal knows of');
  return lines.join('\n');
}

export function registerCompany(program: Command, ctx: Context): void {
  program
    .command('company')
    .argument('<name>', 'the company (case and suffixes like Inc, Ltd or GmbH do not matter)')
    .summary('everyone and everything you know at a company, and who could introduce you')
    .description(
      'People whose company it is, leads pointing there (by their company or their person), your applications,\n' +
        'the open needs of people there, and who could introduce you: those who introduced you to someone there,\n' +
        'then those sharing a tag or an event with someone there.',
    )
    .option('--json', 'print JSON')
    .addHelpText('after', examples(['net company Hooli', 'net company "acme inc" --json']))
    .action((name: string, o: { json?: boolean }) => {
      if (name.trim() === '') throw new UsageError('Say which company: net company Hooli');
      const j = ctx.journal();
      const store = new Companies(j.db);
      const view = j.read(() => companyView(name, store.contacts(), j.leads.all(), j.jobs.all(), j.needs.open(), store.events()));
      if (o.json) {
        const empty: Company = { name: name.trim(), people: [], leads: [], applications: [], needs: [], introducers: [] };
        ctx.io.out(printJson(companyJson(view ?? empty, ctx.today)));
        return;
      }
      if (view === null) {
        ctx.io.out(`The journal knows nobody and nothing at "${safeLine(name.trim())}". See the companies it knows: net companies`);
        return;
      }
      ctx.io.out(companyText(view, ctx.today));
      const first = view.introducers[0]?.contact ?? view.people[0];
      if (first) ctx.io.out(`Next: net show ${first.id}`);
    });

  program
    .command('companies')
    .summary('the companies your journal knows, with counts')
    .option('--json', 'print JSON')
    .addHelpText('after', examples(['net companies', 'net companies --json']))
    .action(async (o: { json?: boolean }) => {
      const j = ctx.journal();
      const store = new Companies(j.db);
      const counts = j.read(() => companyCounts(store.contacts(), j.leads.all(), j.jobs.all()));
      if (o.json) {
        ctx.io.out(printJson(counts));
        return;
      }
      if (counts.length === 0) {
        ctx.io.out('No companies yet: give people a company (net edit Dana --company Hooli) or add an application (net job add "Data engineer" --company Hooli).');
        return;
      }
      const text = table(
        counts,
        [
          { header: 'COMPANY', value: (c) => c.name, flexible: true },
          { header: 'PEOPLE', value: (c) => String(c.people) },
          { header: 'LEADS', value: (c) => String(c.leads) },
          { header: 'APPLICATIONS', value: (c) => String(c.applications) },
        ],
        ctx.io.color,
        ctx.io.columns,
      );
      await ctx.io.page(ctx.io.stdoutIsTTY ? `${text}\n${ctx.io.color.dim(`${plural(counts.length, 'company', 'companies')}. See one with: net company <name>`)}` : text);
    });
}

import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import type { Context } from '../cli/context.js';
import { assertStdoutOpen, writeFileAtomic } from '../cli/files.js';
import { examples } from '../cli/help.js';
import { printJson } from '../render/json.js';
import { plural, safeLine, terminalText } from '../render/text.js';

export function registerExport(program: Command, ctx: Context): void {
  program
    .command('export')
    .summary('write the journal out: a complete JSON backup, vCards, or CSV')
    .description(
      'json: the complete, lossless backup that net import restores exactly (the format is in the README).\n' +
        'vcard: vCard 3.0 for Google Contacts, Apple Contacts or net.  csv: one row per contact for spreadsheets.',
    )
    .option('--format <format>', 'json, vcard or csv', 'json')
    .option('-o, --output <file>', 'write to a file (private, mode 0600) instead of stdout; - for stdout')
    .addHelpText('after', examples(['net export -o net-backup.json', 'net export --format vcard -o contacts.vcf', 'net export --format csv > contacts.csv']))
    .action(async (o: { format: string; output?: string }) => {
      const format = o.format.toLowerCase();
      if (o.output === undefined || o.output === '-') assertStdoutOpen(ctx.io, 'the export');
      if (!['json', 'vcard', 'vcf', 'csv'].includes(format)) throw new UsageError(`--format "${o.format}" is not known. Use json, vcard or csv.`);
      const j = ctx.journal();
      const { toBackup } = await import('../formats/backup.js');
      // One read transaction: a backup taken while someone adds a contact is one moment's journal.
      const records = j.read(() => ({
        contacts: j.contacts.list({ includeArchived: true }),
        interactions: format === 'json' ? j.interactions.all() : [],
        leads: format === 'json' ? j.leads.all() : [],
        promises: format === 'json' ? j.promises.all() : [],
        needs: format === 'json' ? j.needs.all() : [],
        notes: format === 'json' ? j.notes.all() : [],
      }));
      const contacts = records.contacts;
      let text: string;
      if (format === 'json') {
        text = `${printJson(toBackup(records, new Date().toISOString()))}\n`;
      } else if (format === 'csv') {
        text = (await import('../formats/csv.js')).toCsv([...contacts].sort((a, b) => a.id - b.id));
      } else {
        text = (await import('../formats/vcard.js')).toVcards([...contacts].sort((a, b) => a.id - b.id));
      }
      if (o.output !== undefined && o.output !== '-') {
        writeFileAtomic(o.output, text, j.file);
        ctx.io.out(`Exported ${plural(contacts.length, 'contact')} as ${format === 'vcf' ? 'vcard' : format} to ${safeLine(o.output)}.`);
      } else {
        // On a terminal, control characters in the journal's text are shown, not obeyed, as
        // in every table; piped or written to a file, the export is exact.
        ctx.io.out(terminalText(ctx.io, text.replace(/\n$/, '')));
      }
    });
}

import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import type { Context } from '../cli/context.js';
import { assertStdoutOpen, writeFileAtomic } from '../cli/files.js';
import { keepYoungGenerationSmall } from '../cli/memory.js';
import { examples } from '../cli/help.js';
import { jsonSafe } from '../render/json.js';
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
    .option('--excel', 'csv only: start with a UTF-8 byte-order mark, so that Excel reads accents right')
    .addHelpText(
      'after',
      examples(['net export -o net-backup.json', 'net export --format vcard -o contacts.vcf', 'net export --format csv --excel -o contacts.csv']),
    )
    .action(async (o: { format: string; output?: string; excel?: boolean }) => {
      const format = o.format.toLowerCase();
      const file = o.output !== undefined && o.output !== '-' ? o.output : null;
      if (file === null) assertStdoutOpen(ctx.io, 'the export');
      if (!['json', 'vcard', 'vcf', 'csv'].includes(format)) throw new UsageError(`--format "${o.format}" is not known. Use json, vcard or csv.`);
      if (o.excel && format !== 'csv') throw new UsageError('--excel is for CSV files: add --format csv, or leave --excel out.');
      const j = ctx.journal();
      await keepYoungGenerationSmall();
      const { backupText } = await import('../formats/backup.js');
      const { csvText } = await import('../formats/csv.js');
      const { vcardText } = await import('../formats/vcard.js');
      let count = 0;
      // Records are read and written one at a time, never held whole: a journal of any size exports.
      const contacts = function* () {
        for (const c of j.contacts.each()) {
          count++;
          yield c;
        }
      };
      const pieces = (): Iterable<string> =>
        format === 'json'
          ? backupText(
              { uuids: j.contacts.uuids(), contacts: contacts(), interactions: j.interactions.each(), leads: j.leads.each(), promises: j.promises.each(), needs: j.needs.each(), notes: j.notes.each(), jobs: j.jobs.each() },
              new Date().toISOString(),
            )
          : format === 'csv'
            ? csvText(contacts(), o.excel)
            : vcardText(contacts());
      // One read transaction: a backup taken while someone adds a contact is one moment's journal.
      j.read(() => {
        // JSON escapes the control characters a terminal would obey, always (see render/json.ts).
        const text = format === 'json' ? map(batched(pieces()), jsonSafe) : batched(pieces());
        if (file !== null) writeFileAtomic(file, text, j.file);
        // Every piece ends a line; `out` adds the line end back. On a terminal, control
        // characters in the journal's text are shown, not obeyed, as in every table; piped
        // or written to a file, the export is exact.
        else for (const piece of text) ctx.io.out(terminalText(ctx.io, piece.slice(0, -1)));
      });
      if (file !== null) ctx.io.out(`Exported ${plural(count, 'contact')} as ${format === 'vcf' ? 'vcard' : format} to ${safeLine(file)}.`);
    });
}

/** Pieces joined up to about 64 KB: one write each instead of one per record. */
function* batched(pieces: Iterable<string>): Generator<string> {
  let buf: string[] = [];
  let size = 0;
  for (const p of pieces) {
    buf.push(p);
    size += p.length;
    if (size >= 65_536) {
      yield buf.join('');
      buf = [];
      size = 0;
    }
  }
  if (buf.length) yield buf.join('');
}

function* map<T, U>(xs: Iterable<T>, f: (x: T) => U): Generator<U> {
  for (const x of xs) yield f(x);
}

import { resolve } from 'node:path';
import type { Command } from 'commander';
import { JournalError } from '../core/errors.js';
import type { Context } from '../cli/context.js';
import { examples } from '../cli/help.js';
import { backupName, backupTo } from '../store/maintenance.js';

export function registerBackup(program: Command, ctx: Context): void {
  program
    .command('backup')
    .argument('[file]', 'where to write the copy (default: beside the journal, named by date and time)')
    .summary('a consistent copy of the journal, safe to take while net is in use')
    .addHelpText('after', examples(['net backup', 'net backup ~/Backups/net-2026-11-23.db']))
    .action((file: string | undefined) => {
      const j = ctx.journal();
      if (!j.exists) throw new JournalError(`There is no journal at ${j.file} yet, so nothing to back up. net add creates it.`);
      const target = file ? resolve(file) : backupName(j.file, '', new Date());
      backupTo(j.db.raw, target);
      ctx.io.out(`Backed up the journal to ${target} (readable only by you).`);
      ctx.io.out(`To restore it, point net at the copy (net --db ${JSON.stringify(target)} list) or copy it over the journal while no net command runs.`);
    });
}

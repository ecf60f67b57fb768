import { statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import { JournalError } from '../core/errors.js';
import type { Context } from '../cli/context.js';
import { examples } from '../cli/help.js';
import { givenPath } from '../cli/inputs.js';
import { outputTarget } from '../store/files.js';
import { backupName, backupTo } from '../store/maintenance.js';
import { safeLine, shellWord } from '../render/text.js';

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

export function registerBackup(program: Command, ctx: Context): void {
  program
    .command('backup')
    .argument('[file]', 'where to write the copy: a new or regular file, or a folder (default: beside the journal, named by date and time)')
    .summary('a consistent copy of the journal, safe to take while net is in use')
    .addHelpText('after', examples(['net backup', 'net backup ~/Backups/net-2026-11-23.db', 'net backup ~/Backups']))
    .action((file: string | undefined) => {
      const j = ctx.journal();
      if (file !== undefined) givenPath(file, 'backup file', 'Give the file or folder to copy the journal to (net backup ~/Backups), or leave it out for a copy beside the journal.');
      if (!j.exists) throw new JournalError(`There is no journal at ${j.file} yet, so nothing to back up. net add creates it.`);
      // A folder gets a copy named as the default one, inside it.
      const named = file !== undefined && isFolder(file) ? join(file, basename(backupName(j.file, '', new Date()))) : file;
      const target = named !== undefined ? outputTarget(named, j.file, 'net backup') : backupName(j.file, '', new Date());
      backupTo(j.db.raw, target);
      const shown = safeLine(target);
      ctx.io.out(`Backed up the journal to ${shown} (readable only by you).`);
      ctx.io.out(`To restore it, point net at the copy (net --db ${shellWord(shown)} list) or copy it over the journal while no net command runs.`);
    });
}

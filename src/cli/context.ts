// What every command runs with: streams, today, the journal (opened on first use) and the
// prompter (loaded on first use). Tests build one with doubles.
import type { IsoDate } from '../core/types.js';
import type { Journal } from '../store/journal.js';
import type { IO } from './io.js';
import type { Prompter } from './prompter.js';

export interface Context {
  io: IO;
  env: NodeJS.ProcessEnv;
  today: IsoDate;
  /** Where the journal is (from --db, NET_DB or the default), without opening it. */
  journalFile(): string;
  journal(): Journal;
  prompter(): Promise<Prompter>;
}

// Where output goes and what the terminal can do. Commands write through this, never to
// process.stdout directly, so tests can run them against an in-memory double.
import { Chalk, type ChalkInstance } from 'chalk';

export interface IO {
  /** Writes text to stdout, adding a newline. */
  out(text: string): void;
  /** Writes a message to stderr, adding a newline. */
  err(text: string): void;
  readonly stdoutIsTTY: boolean;
  readonly stdinIsTTY: boolean;
  /** Prompts are allowed only when both ends are a terminal. */
  readonly canPrompt: boolean;
  readonly color: ChalkInstance;
  /** Terminal width for tables, or null when not a terminal. */
  readonly columns: number | null;
  /** A transient status line on stderr (progress), shown only on a terminal. */
  status(text: string): void;
}

export interface ColorInputs {
  noColorFlag: boolean;
  env: NodeJS.ProcessEnv;
  stdoutIsTTY: boolean;
}

/** 0 (none) to 3 (truecolor): `--no-color` and `NO_COLOR` win, then `FORCE_COLOR`, then the terminal. */
export function colorLevel({ noColorFlag, env, stdoutIsTTY }: ColorInputs): 0 | 1 | 2 | 3 {
  if (noColorFlag) return 0;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    if (force === '2') return 2;
    if (force === '3') return 3;
    return 1;
  }
  if (!stdoutIsTTY) return 0;
  if (env.TERM === 'dumb') return 0;
  return env.COLORTERM === 'truecolor' ? 3 : 1;
}

export function processIO(noColorFlag: boolean, env: NodeJS.ProcessEnv): IO {
  const stdoutIsTTY = Boolean(process.stdout.isTTY);
  const stdinIsTTY = Boolean(process.stdin.isTTY);
  const level = colorLevel({ noColorFlag, env, stdoutIsTTY });
  return {
    out: (text) => void process.stdout.write(`${text}\n`),
    err: (text) => void process.stderr.write(`${text}\n`),
    stdoutIsTTY,
    stdinIsTTY,
    canPrompt: stdinIsTTY && stdoutIsTTY,
    color: new Chalk({ level }),
    columns: stdoutIsTTY ? process.stdout.columns || 80 : null,
    status: (text) => {
      if (process.stderr.isTTY) process.stderr.write(text === '' ? '\r\x1b[K' : `\r\x1b[K${text}`);
    },
  };
}

/** An in-memory IO for tests. */
export function memoryIO(opts: { tty?: boolean; color?: boolean } = {}): IO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const tty = opts.tty ?? false;
  return {
    stdout,
    stderr,
    out: (t) => void stdout.push(t),
    err: (t) => void stderr.push(t),
    stdoutIsTTY: tty,
    stdinIsTTY: tty,
    canPrompt: tty,
    color: new Chalk({ level: opts.color ? 1 : 0 }),
    columns: tty ? 100 : null,
    status: () => undefined,
  };
}

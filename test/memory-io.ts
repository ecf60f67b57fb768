// An in-memory IO for tests (kept out of the bundle): what a command wrote, line by line.
import type { IO } from '../src/cli/io.js';
import { type Colors, plain } from '../src/render/colors.js';

/** An in-memory IO for tests; `color` marks styles as `<bold>…</bold>` so tests can see them. */
export function memoryIO(opts: { tty?: boolean; color?: boolean } = {}): IO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const tty = opts.tty ?? false;
  const tag = (name: string) => (t: string) => `<${name}>${t}</${name}>`;
  const color: Colors = opts.color
    ? { bold: tag('bold'), dim: tag('dim'), red: tag('red'), yellow: tag('yellow'), green: tag('green'), cyan: tag('cyan') }
    : plain;
  return {
    stdout,
    stderr,
    out: (t) => void stdout.push(t),
    err: (t) => void stderr.push(t),
    page: async (t) => void stdout.push(t),
    stdoutIsTTY: tty,
    stdinIsTTY: tty,
    canPrompt: tty,
    color,
    columns: tty ? 100 : null,
    status: () => undefined,
    stdoutClosed: false,
  };
}

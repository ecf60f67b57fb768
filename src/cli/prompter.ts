// The only module that talks to inquirer, loaded on demand: `net due` never pays for it.
// Prompts draw on stderr so that stdout stays clean for data.
import { CancelledError } from '../core/errors.js';

export interface Choice<T> {
  name: string;
  value: T;
}

export interface Prompter {
  input(message: string, opts?: { default?: string; required?: boolean; validate?: (v: string) => true | string }): Promise<string>;
  select<T>(message: string, choices: Array<Choice<T>>): Promise<T>;
  confirm(message: string, defaultValue?: boolean): Promise<boolean>;
}

function isCancel(err: unknown): boolean {
  const name = (err as Error)?.name;
  return name === 'ExitPromptError' || name === 'AbortPromptError' || name === 'CancelPromptError';
}

async function guard<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (err) {
    if (isCancel(err)) throw new CancelledError();
    throw err;
  }
}

export async function inquirerPrompter(): Promise<Prompter> {
  const prompts = await import('@inquirer/prompts');
  const context = { input: process.stdin, output: process.stderr, clearPromptOnDone: false };
  return {
    input: (message, opts = {}) =>
      guard(
        prompts.input(
          {
            message,
            default: opts.default,
            required: opts.required ?? false,
            validate: opts.validate,
          },
          context,
        ),
      ),
    select: <T>(message: string, choices: Array<Choice<T>>) =>
      guard(prompts.select<T>({ message, choices: choices.map((c) => ({ name: c.name, value: c.value })) }, context)),
    confirm: (message, defaultValue = false) => guard(prompts.confirm({ message, default: defaultValue }, context)),
  };
}

// Typed failures. Each carries the exit code the contract gives it; src/main.ts is the
// only place that turns one into a process exit.

export class NetError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad input or usage: an unknown contact, an ambiguous name, a bad date or file (exit 2). */
export class UsageError extends NetError {
  constructor(message: string) {
    super(message, 2);
  }
}

/** The journal file or its folder cannot be used as it is (exit 1). */
export class JournalError extends NetError {
  constructor(message: string) {
    super(message, 1);
  }
}

/** The person pressed Ctrl-C at a prompt (exit 130, nothing written). */
export class CancelledError extends NetError {
  constructor(message = 'Cancelled; nothing was written.') {
    super(message, 130);
  }
}

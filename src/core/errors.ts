// Typed failures. Each carries the exit code the contract gives it; src/main.ts is the
// only place that turns one into a process exit.

// Each names itself: the bundle's minified class names are not theirs (NET_DEBUG=1 prints the name).
export class NetError extends Error {
  override name = 'NetError';
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** Bad input or usage: an unknown contact, an ambiguous name, a bad date or file (exit 2). */
export class UsageError extends NetError {
  override name = 'UsageError';
  constructor(message: string) {
    super(message, 2);
  }
}

/** The journal file or its folder cannot be used as it is (exit 1). */
export class JournalError extends NetError {
  override name = 'JournalError';
  constructor(message: string) {
    super(message, 1);
  }
}

/** The person pressed Ctrl-C at a prompt (exit 130, nothing written). */
export class CancelledError extends NetError {
  override name = 'CancelledError';
  constructor(message = 'Cancelled; nothing was written.') {
    super(message, 130);
  }
}

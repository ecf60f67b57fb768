// Memory for commands that read or write a whole journal or file in one long synchronous
// loop (a backup, an address book or a mailbox imported, an export).
//
// V8 grows its young generation up to 32 MB while such a loop runs, and promotes more to the
// old one: a 50 MB backup peaked at 138 MB of memory, and 97 MB with the young generation
// kept at its first size (as fast, measured). V8 reads this flag each time it would grow it;
// a Node that refused it costs only memory.
export async function keepYoungGenerationSmall(): Promise<void> {
  try {
    (await import('node:v8')).setFlagsFromString('--semi-space-growth-factor=1');
  } catch {
    // Only memory is at stake.
  }
}

// The few styles net uses: SGR escape codes when colour is on, `plain` when it is off.
// Written here rather than loaded from chalk: chalk's set-up (with its terminal detection,
// which net does itself) cost several milliseconds of every `net due` on a terminal.
// The bytes are chalk's (a test holds them to it): an empty text stays empty, a style
// closed inside the text is opened again after it, and each line is styled on its own.
export interface Colors {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  cyan(text: string): string;
}

const same = (text: string) => text;

export const plain: Colors = { bold: same, dim: same, red: same, yellow: same, green: same, cyan: same };

function sgr(open: number, close: number): (text: string) => string {
  const on = `\x1b[${open}m`;
  const off = `\x1b[${close}m`;
  return (text) => {
    if (text === '') return '';
    let inner = text.includes('\x1b') ? text.replaceAll(off, off + on) : text;
    if (inner.includes('\n')) inner = inner.replace(/\r?\n/g, (nl) => off + nl + on);
    return on + inner + off;
  };
}

export const ansi: Colors = { bold: sgr(1, 22), dim: sgr(2, 22), red: sgr(31, 39), yellow: sgr(33, 39), green: sgr(32, 39), cyan: sgr(36, 39) };

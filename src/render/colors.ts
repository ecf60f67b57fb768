// The few styles net uses. A chalk instance provides them when colour is on; `plain` when
// it is off, so output without colour never loads chalk.
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

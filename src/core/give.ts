// Ways to give: noticing when something just recorded could help someone's open need.
import { matchKey } from './names.js';
import type { Need } from './types.js';

// Words that say nothing about *what* is needed, so they never make a match on their own.
const STOP = new Set(
  (
    'a an the at in on for to of and or with from by about into onto as via like than then ' +
    'intro intros introduction introductions someone somebody anyone anybody people person folks ' +
    'job jobs role roles work working help need needs needed looking look find finding get getting ' +
    'new more some any who what where when that this these those their them they his her our your ' +
    'my me you we us it its is are be was were been has have had want wants would could can will ' +
    'know knows contact contacts advice feedback position positions opportunity opportunities ' +
    'company companies team teams meet meeting call coffee chat talk runs run good great'
  ).split(' '),
);

/** The words of a text that could identify what a need is about. */
export function keywords(text: string): Set<string> {
  return new Set(
    matchKey(text)
      .split(/[^\p{L}\p{N}+#]+/u)
      .filter((w) => w.length >= 2 && !STOP.has(w)),
  );
}

/** Open needs sharing a keyword with any of `texts`. */
export function needsMatching(texts: ReadonlyArray<string | null | undefined>, needs: readonly Need[]): Need[] {
  const words = new Set<string>();
  for (const t of texts) if (t) for (const w of keywords(t)) words.add(w);
  if (words.size === 0) return [];
  return needs.filter((n) => n.status === 'open' && [...keywords(n.what)].some((w) => words.has(w)));
}

// Ways to give: noticing when something just recorded could help someone's open need.
import { matchKey } from './names.js';
import type { Need } from './types.js';

// Words that say nothing about *what* is needed, so they never make a match: the grammar
// words, and the job search's own vocabulary, which is in half of all logs of a job search
// ("data", "role", "senior", "referral" and "meetup" matched everything and pointed at nothing).
const STOP = new Set(
  (
    'a an the at in on for to of and or with from by about into onto as via like than then ' +
    'someone somebody anyone anybody people person folks guy guys ' +
    'help need needs needed looking look find finding get getting ' +
    'new more some any who what where when that this these those their them they his her our your ' +
    'my me you we us it its is are be was were been has have had want wants would could can will ' +
    'also just very really not no yes so but if up out over back next last first ' +
    'week weeks month months year years today tomorrow yesterday time times thing things ' +
    'know knows contact contacts good great nice ' +
    'talk talked talking chat chatted call called meet met meeting meetings catch caught spoke ' +
    'discuss discussed mentioned said asked told send sent share shared follow followed update ' +
    'thanks thank ' +
    // The job search's vocabulary.
    'job jobs role roles work working position positions opportunity opportunities opening openings ' +
    'hiring hire hires hired recruiter recruiters recruiting recruitment interview interviews interviewing ' +
    'intro intros introduction introductions introduce introduced referral referrals refer referred ' +
    'reference references resume cv application applications apply applied offer offers ' +
    'career careers network networking linkedin meetup meetups event events conference coffee ' +
    'company companies team teams startup startups remote salary advice feedback ' +
    'data senior junior staff principal lead leads manager managers engineer engineers engineering ' +
    'developer developers runs run'
  ).split(' '),
);

/**
 * A word alone is rare enough to point at a need when it is in at most this many of the
 * journal's needs and logs (counted with the need and what was just written)…
 */
export const RARE_DOCS = 3;
/** …or in under this share of them: what a big journal says everywhere says nothing. */
export const RARE_SHARE = 0.05;

/** Whether a word in `docs` of a journal's `total` needs and logs is rare (`RARE_DOCS`, `RARE_SHARE`). */
export function isRare(docs: number, total: number): boolean {
  return docs <= RARE_DOCS || docs < RARE_SHARE * total;
}

/** The words of a text that could identify what a need is about (no stop words, no bare numbers). */
export function keywords(text: string): Set<string> {
  return wordsOf(matchKey(text));
}

/** `keywords` of a text already in its match key. */
function wordsOf(key: string): Set<string> {
  return new Set(key.split(/[^\p{L}\p{N}+#]+/u).filter((w) => w.length >= 2 && !STOP.has(w) && !/^\p{N}+$/u.test(w)));
}

/**
 * Open needs that `texts` speak to: sharing two significant words with them, or one that is
 * rare in the journal (`isRare` of `docsWith(word)` needs and logs out of `total()`). The
 * journal is asked for counts only when exactly one word is shared.
 */
export function needsMatching(
  texts: ReadonlyArray<string | null | undefined>,
  needs: readonly Need[],
  docsWith: (word: string) => number,
  total: () => number,
): Need[] {
  const words = new Set<string>();
  for (const t of texts) if (t) for (const w of keywords(t)) words.add(w);
  if (words.size === 0) return [];
  // Each word is counted once, however many needs share it alone (a journal holds many
  // needs naming the same company, and each count is a search of the index).
  const docs = new Map<string, number>();
  const rare = (word: string): boolean => {
    let n = docs.get(word);
    if (n === undefined) docs.set(word, (n = docsWith(word)));
    return isRare(n, total());
  };
  const list = [...words];
  return needs.filter((n) => {
    if (n.status !== 'open') return false;
    // A word of the need is a part of its match key: the many needs that hold none of the
    // words are passed over without being split into words.
    const key = matchKey(n.what);
    if (!list.some((w) => key.includes(w))) return false;
    const shared = [...wordsOf(key)].filter((w) => words.has(w));
    return shared.length >= 2 || (shared.length === 1 && rare(shared[0] as string));
  });
}

// How many tags one contact may have. More is a file or a script gone wrong, not a person,
// and every writer of tags keeps to it (store/contacts.ts), so that what net exports, net
// imports again.
import { UsageError } from './errors.js';

export const MAX_TAGS = 100;

/** The refusal of a write that would leave a contact with too many tags (an import says where in its file). */
export class TooManyTagsError extends UsageError {
  override name = 'TooManyTagsError';
}

/** The refusal of a write that would leave a contact with `count` tags; `id` is null for one not yet written. */
export function tooManyTags(name: string, id: number | null, count: number): TooManyTagsError {
  const who = id === null ? name : `${name} (#${id})`;
  const fix = id === null ? `Give at most ${MAX_TAGS}` : `Remove some first (net edit ${id} --untag <tag>) or add fewer`;
  return new TooManyTagsError(`${who} would have ${count.toLocaleString('en-US')} tags; net keeps at most ${MAX_TAGS} per contact. ${fix}; nothing was written.`);
}

import type { Context } from '../cli/context.js';
import { pastDateOption, requiredText, resolveContact } from '../cli/inputs.js';
import type { ContactRef, IsoDate } from '../core/types.js';

/**
 * What a new lead, promise, need or note about someone begins with, checked in this order:
 * its text (required; `noun` and `example` word the refusal), the person, and its day
 * (`--on`, default today; never after today, as each records what has happened: `ahead`
 * says what to do instead).
 */
export async function aboutSomeone(
  ctx: Context,
  who: string,
  what: string | undefined,
  on: string | undefined,
  noun: string,
  example: string,
  ahead: string,
): Promise<{ text: string; contact: ContactRef; on: IsoDate }> {
  const text = requiredText(what, noun, example);
  const contact = await resolveContact(ctx, who);
  return { text, contact, on: await pastDateOption(on, '--on', ctx.today, ahead) };
}

import type { Context } from '../cli/context.js';
import { optionalDate, requiredText, resolveContact } from '../cli/inputs.js';
import type { ContactRef, IsoDate } from '../core/types.js';

/**
 * What a new lead, promise, need or note about someone begins with, checked in this order:
 * its text (required; `noun` and `example` word the refusal), the person, and its day
 * (`--on`, default today).
 */
export async function aboutSomeone(
  ctx: Context,
  who: string,
  what: string | undefined,
  on: string | undefined,
  noun: string,
  example: string,
): Promise<{ text: string; contact: ContactRef; on: IsoDate }> {
  const text = requiredText(what, noun, example);
  const contact = await resolveContact(ctx, who);
  return { text, contact, on: (await optionalDate(on, '--on', ctx.today, 'past')) ?? ctx.today };
}

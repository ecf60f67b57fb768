import { keywords, needsMatching } from '../core/give.js';
import { hintWord, safeLine } from '../render/text.js';
import type { Context } from './context.js';

/** After recording something, point out open needs it could help with ("Sam needs an intro at Acme"). */
export function sayWaysToGive(ctx: Context, texts: ReadonlyArray<string | null | undefined>, exceptContactIds: readonly number[]): void {
  if (!texts.some((t) => t && keywords(t).size > 0)) return;
  const j = ctx.journal();
  const open = j.needs.open().filter((n) => !exceptContactIds.includes(n.contact.id));
  if (open.length === 0) return;
  let total: number | undefined;
  const needs = needsMatching(texts, open, (word) => j.search.needsAndLogsWith(word), () => (total ??= j.search.needsAndLogs()));
  for (const n of needs.slice(0, 3)) {
    ctx.io.out(ctx.io.color.green(`${safeLine(n.contact.name)} needs ${safeLine(n.what)} — see net needs`));
  }
}

/** After a conversation was changed (net edit, net noreply): the leads it follows now. */
export function sayLeadsFollowed(ctx: Context, followed: readonly number[]): void {
  const j = ctx.journal();
  for (const lid of followed) {
    const lead = j.leads.get(lid);
    if (lead) ctx.io.out(`Lead l${lid} from ${safeLine(lead.source.name)} is now followed, on ${lead.followedOn}; tell them how it went (net log ${hintWord(lead.source.name)} ... --reported l${lid}).`);
  }
}

import { RateLimitError } from '../domain/errors.ts';
import type { AppContext } from './context.ts';

export interface RateRule {
  limit: number;
  windowMs: number;
}

/** The limits of the forms that strangers can send; per IP and, when signed in, per account. */
export const RATE_RULES = {
  signIn: { limit: 10, windowMs: 15 * 60_000 },
  signUp: { limit: 5, windowMs: 60 * 60_000 },
  passwordReset: { limit: 5, windowMs: 60 * 60_000 },
  suggestion: { limit: 20, windowMs: 60 * 60_000 },
  // Forms sent without JavaScript carry no proof of work, so they get a tighter budget.
  suggestionWithoutProof: { limit: 5, windowMs: 60 * 60_000 },
  report: { limit: 20, windowMs: 60 * 60_000 },
  claim: { limit: 5, windowMs: 24 * 60 * 60_000 },
} as const satisfies Record<string, RateRule>;

/**
 * Counts one attempt against each key (fixed windows, stored in the database so every app process sees
 * the same counts) and refuses when any is over its limit.
 */
export async function checkRate(ctx: AppContext, rule: RateRule, keys: readonly string[]): Promise<void> {
  const now = ctx.now().getTime();
  const windowStart = now - (now % rule.windowMs);
  for (const key of keys) {
    const count = await ctx.storage.limits.hit(key, windowStart);
    if (count > rule.limit) throw new RateLimitError(Math.ceil((windowStart + rule.windowMs - now) / 1000));
  }
}

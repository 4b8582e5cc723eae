import { UnauthenticatedError } from '../../domain/errors.ts';
import type { AppContext } from '../context.ts';
import { hashSecret, newSecret } from './secrets.ts';

export type LinkPurpose = 'verify-email' | 'reset-password' | 'login';

const LIFETIME_MS: Record<LinkPurpose, number> = {
  'verify-email': 2 * 86_400_000,
  'reset-password': 60 * 60_000,
  login: 60 * 60_000,
};

/** A link that works once, for one purpose, for a limited time; returns the secret to put in the link. */
export async function issueLink(ctx: AppContext, userId: number, purpose: LinkPurpose): Promise<string> {
  const now = ctx.now();
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + LIFETIME_MS[purpose]).toISOString();
  await ctx.storage.users.createToken(hashSecret(token), { purpose, userId, expiresAt }, now.toISOString());
  return token;
}

/** The user a link was issued to; a used, expired, unknown or other-purpose link is refused. */
export async function redeemLink(ctx: AppContext, token: string, purpose: LinkPurpose): Promise<number> {
  const userId =
    token && token.length <= 100
      ? await ctx.storage.users.useToken(hashSecret(token), purpose, ctx.now().toISOString())
      : null;
  if (userId === null)
    throw new UnauthenticatedError('this link was already used or has expired; ask for a new one');
  return userId;
}

export function linkPath(purpose: LinkPurpose, token: string): string {
  const page = { 'verify-email': 'verify', 'reset-password': 'new-password', login: 'login' }[purpose];
  return `/account/${page}?token=${encodeURIComponent(token)}`;
}

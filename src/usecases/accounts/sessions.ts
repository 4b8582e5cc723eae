import type { Actor, User } from '../../domain/accounts/user.ts';
import type { AppContext } from '../context.ts';
import { hashSecret, newSecret } from './secrets.ts';

export const SESSION_DAYS = 30;

export interface SessionTokens {
  /** Goes into the HttpOnly cookie; the database keeps only its hash. */
  token: string;
  /** Goes into every form and state-changing request of this session. */
  csrf: string;
  expiresAt: string;
}

export async function startSession(ctx: AppContext, userId: number): Promise<SessionTokens> {
  const now = ctx.now();
  const token = newSecret();
  const csrf = newSecret();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString();
  await ctx.storage.users.createSession(hashSecret(token), { userId, csrf, expiresAt }, now.toISOString());
  return { token, csrf, expiresAt };
}

export async function actorFor(ctx: AppContext, user: User): Promise<Actor> {
  return { kind: 'user', user, ownedPlaceIds: await ctx.storage.contributions.ownedPlaceIds(user.id) };
}

/** The signed-in user behind a session cookie; null when the session ended, expired or its user was deleted. */
export async function resolveSession(
  ctx: AppContext,
  token: string,
): Promise<{ actor: Actor; csrf: string } | null> {
  if (!token || token.length > 100) return null;
  const session = await ctx.storage.users.session(hashSecret(token), ctx.now().toISOString());
  if (!session) return null;
  const user = await ctx.storage.users.get(session.userId);
  if (!user || user.deletedAt) return null;
  return { actor: await actorFor(ctx, user), csrf: session.csrf };
}

export async function endSession(ctx: AppContext, token: string): Promise<void> {
  await ctx.storage.users.deleteSession(hashSecret(token));
}

/** "Sign out everywhere": every session of the user ends, on every device. */
export async function endAllSessions(ctx: AppContext, userId: number): Promise<number> {
  return ctx.storage.users.deleteSessions(userId);
}

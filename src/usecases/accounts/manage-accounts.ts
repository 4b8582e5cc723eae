import { canAdminister } from '../../domain/accounts/permissions.ts';
import { type Actor, isRole, type User } from '../../domain/accounts/user.ts';
import { ForbiddenError, InputError, NotFoundError } from '../../domain/errors.ts';
import type { AppContext } from '../context.ts';
import { audit } from '../contributions/audit.ts';
import { checkedDisplayName, checkedEmail } from './account-input.ts';
import { issueLink, linkPath } from './one-time-links.ts';

/**
 * The first admin (or a new one): no password is ever set here; the command prints a one-time sign-in
 * link, and the admin sets a password from the account page if they want one.
 */
export async function createAdmin(ctx: AppContext, rawEmail: unknown): Promise<{ user: User; path: string }> {
  const email = checkedEmail(rawEmail);
  const existing = await ctx.storage.users.byEmail(email);
  const user = existing
    ? existing.user
    : await ctx.storage.users.create({
        email,
        emailVerified: true,
        passwordHash: null,
        displayName: null,
        role: 'admin',
        telegramId: null,
        locale: 'en',
      });
  if (existing) await ctx.storage.users.update(user.id, { role: 'admin', emailVerified: true });
  await ctx.storage.audit.add({
    actorId: null,
    action: 'admin-create',
    target: `user:${user.id}`,
    details: { via: 'cli' },
    createdAt: ctx.now().toISOString(),
  });
  const token = await issueLink(ctx, user.id, 'login');
  return { user: { ...user, role: 'admin' }, path: linkPath('login', token) };
}

export async function setRole(
  ctx: AppContext,
  actor: Actor,
  userId: number,
  rawRole: unknown,
): Promise<void> {
  if (!canAdminister(actor) || actor.kind !== 'user')
    throw new ForbiddenError('only admins can change roles');
  const role = String(rawRole ?? '');
  if (!isRole(role))
    throw new InputError('role', 'must be contributor, trusted, moderator or admin', 'roleUnknown');
  if (userId === actor.user.id)
    throw new InputError('role', 'admins cannot change their own role', 'roleOwn');
  const user = await ctx.storage.users.get(userId);
  if (!user || user.deletedAt) throw new NotFoundError(`user ${userId}`);
  const now = ctx.now();
  await ctx.storage.transaction(async (repos) => {
    await repos.users.update(userId, { role });
    await audit(repos, actor, 'set-role', `user:${userId}`, { from: user.role, to: role }, now);
  });
}

export async function updateProfile(
  ctx: AppContext,
  actor: Actor,
  input: { display_name?: unknown; notify_digest?: unknown },
): Promise<void> {
  if (actor.kind !== 'user') throw new ForbiddenError('sign in first');
  await ctx.storage.users.update(actor.user.id, {
    displayName: checkedDisplayName(input.display_name),
    notifyDigest: input.notify_digest === true || input.notify_digest === 'on',
  });
}

/** Everything the product holds about a person, as JSON (their right of access). */
export async function exportAccount(ctx: AppContext, actor: Actor): Promise<Record<string, unknown>> {
  if (actor.kind !== 'user') throw new ForbiddenError('sign in first');
  const { user } = actor;
  const [suggestions, claims, eventChanges] = await Promise.all([
    ctx.storage.contributions.suggestions({ submitterId: user.id, limit: 100_000 }),
    ctx.storage.contributions.claims({ userId: user.id, limit: 100_000 }),
    ctx.storage.eventChanges.bySubmitter(user.id, 100_000),
  ]);
  return {
    exportedAt: ctx.now().toISOString(),
    account: user,
    ownedPlaceIds: actor.ownedPlaceIds,
    suggestions,
    claims,
    eventChanges,
  };
}

/** Deletes the account: who the person was is forgotten; their contributions stay, by "deleted user". */
export async function deleteAccount(ctx: AppContext, actor: Actor): Promise<void> {
  if (actor.kind !== 'user') throw new ForbiddenError('sign in first');
  const now = ctx.now();
  await ctx.storage.transaction(async (repos) => {
    await repos.users.anonymise(actor.user.id, now.toISOString());
    await audit(repos, actor, 'delete-account', `user:${actor.user.id}`, {}, now);
  });
}

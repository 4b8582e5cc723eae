import { InputError } from '../../domain/errors.ts';
import type { Locale } from '../../domain/locales.ts';
import { hashPassword, verifyPassword } from '../../gateways/passwords.ts';
import type { AppContext } from '../context.ts';
import { checkRate, RATE_RULES } from '../rate-limit.ts';
import { checkedEmail, checkedPassword } from './account-input.ts';
import { issueLink, linkPath, redeemLink } from './one-time-links.ts';
import { type SessionTokens, startSession } from './sessions.ts';

const WRONG = 'wrong e-mail address or password';

/** E-mail and password → a new session. Limited per IP and per address, so guessing is slow from anywhere. */
export async function signIn(
  ctx: AppContext,
  input: { email?: unknown; password?: unknown },
  ip: string,
): Promise<SessionTokens> {
  const email = checkedEmail(input.email);
  const password = typeof input.password === 'string' ? input.password : '';
  if (!password) throw new InputError('password', 'is required', 'required');
  await checkRate(ctx, RATE_RULES.signIn, [`sign-in:ip:${ip}`, `sign-in:email:${email}`]);
  const found = await ctx.storage.users.byEmail(email);
  const ok = await verifyPassword(found?.passwordHash ?? null, password);
  if (!found || !ok || found.user.deletedAt) throw new InputError('password', WRONG, 'wrongSignIn');
  if (!found.user.emailVerified)
    throw new InputError(
      'email',
      'confirm your e-mail address first: follow the link we sent you',
      'confirmEmail',
    );
  return startSession(ctx, found.user.id);
}

/** The link from the sign-up mail: confirms the address and signs the person in. */
export async function verifyEmail(ctx: AppContext, token: string): Promise<SessionTokens> {
  const userId = await redeemLink(ctx, token, 'verify-email');
  await ctx.storage.users.update(userId, { emailVerified: true });
  return startSession(ctx, userId);
}

/** A one-time sign-in link (the first admin's, printed by `kvartal admin create`). */
export async function signInWithLink(ctx: AppContext, token: string): Promise<SessionTokens> {
  const userId = await redeemLink(ctx, token, 'login');
  await ctx.storage.users.update(userId, { emailVerified: true });
  return startSession(ctx, userId);
}

/** Mails a reset link when the address has an account; says nothing either way (no account enumeration). */
export async function requestPasswordReset(
  ctx: AppContext,
  rawEmail: unknown,
  locale: Locale,
  ip: string,
): Promise<void> {
  const email = checkedEmail(rawEmail);
  await checkRate(ctx, RATE_RULES.passwordReset, [`reset:ip:${ip}`, `reset:email:${email}`]);
  const found = await ctx.storage.users.byEmail(email);
  if (!found || found.user.deletedAt) return;
  const token = await issueLink(ctx, found.user.id, 'reset-password');
  await ctx.notifier.notify(email, locale, {
    kind: 'reset-password',
    path: linkPath('reset-password', token),
  });
}

/** Sets the new password, ends every other session (whoever had the old one is out) and signs in. */
export async function completePasswordReset(
  ctx: AppContext,
  token: string,
  rawPassword: unknown,
): Promise<SessionTokens> {
  const password = checkedPassword(rawPassword);
  const userId = await redeemLink(ctx, token, 'reset-password');
  await ctx.storage.users.update(userId, { passwordHash: await hashPassword(password), emailVerified: true });
  await ctx.storage.users.deleteSessions(userId);
  return startSession(ctx, userId);
}

import { TELEGRAM_LOGIN_MAX_AGE_SECONDS, verifyTelegramLogin } from '../../domain/accounts/telegram-login.ts';
import { InputError, UnauthenticatedError } from '../../domain/errors.ts';
import type { Locale } from '../../domain/locales.ts';
import type { AppContext } from '../context.ts';
import { checkRate, RATE_RULES } from '../rate-limit.ts';
import { type SessionTokens, startSession } from './sessions.ts';

/**
 * "Log in with Telegram": the widget's signed fields → a session, creating a contributor account the first
 * time. Telegram's data carries no nonce, so each signature is accepted once (spent like a one-time link).
 */
export async function signInWithTelegram(
  ctx: AppContext,
  received: Readonly<Record<string, unknown>>,
  botToken: string,
  ip: string,
  locale: Locale,
): Promise<SessionTokens> {
  await checkRate(ctx, RATE_RULES.signIn, [`sign-in:ip:${ip}`]);
  const now = ctx.now();
  const result = verifyTelegramLogin(received, { botToken, now });
  if (!result.ok) throw new InputError(result.field, result.message);
  const expires = new Date(now.getTime() + TELEGRAM_LOGIN_MAX_AGE_SECONDS * 1000).toISOString();
  if (!(await ctx.storage.limits.spend(`telegram:${String(received.hash)}`, expires)))
    throw new UnauthenticatedError('this Telegram sign-in was already used; sign in again');
  const { telegramId, displayName } = result.user;
  const user =
    (await ctx.storage.users.byTelegramId(telegramId)) ??
    (await ctx.storage.users.create({
      email: null,
      emailVerified: false,
      passwordHash: null,
      displayName: displayName.slice(0, 60) || null,
      role: 'contributor',
      telegramId,
      locale,
    }));
  if (user.deletedAt) throw new UnauthenticatedError('this account was deleted');
  return startSession(ctx, user.id);
}

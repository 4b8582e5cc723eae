import type { Locale } from '../../domain/locales.ts';
import { hashPassword } from '../../gateways/passwords.ts';
import type { AppContext } from '../context.ts';
import { checkRate, RATE_RULES } from '../rate-limit.ts';
import { checkedDisplayName, checkedEmail, checkedPassword } from './account-input.ts';
import { issueLink, linkPath } from './one-time-links.ts';

export interface SignUpInput {
  email?: unknown;
  password?: unknown;
  display_name?: unknown;
}

/**
 * Creates a contributor account and mails a verification link; the account signs in from that link. When
 * the address already has an account, that mailbox gets a password-reset link instead — the answer to the
 * form is the same either way, so the form does not reveal who has an account.
 */
export async function signUp(ctx: AppContext, input: SignUpInput, locale: Locale, ip: string): Promise<void> {
  const email = checkedEmail(input.email);
  const password = checkedPassword(input.password);
  const displayName = checkedDisplayName(input.display_name);
  await checkRate(ctx, RATE_RULES.signUp, [`sign-up:ip:${ip}`]);
  const existing = await ctx.storage.users.byEmail(email);
  if (existing) {
    const token = await issueLink(ctx, existing.user.id, 'reset-password');
    await ctx.notifier.notify(email, locale, {
      kind: 'account-exists',
      path: linkPath('reset-password', token),
    });
    return;
  }
  const user = await ctx.storage.users.create({
    email,
    emailVerified: false,
    passwordHash: await hashPassword(password),
    displayName,
    role: 'contributor',
    telegramId: null,
    locale,
  });
  const token = await issueLink(ctx, user.id, 'verify-email');
  await ctx.notifier.notify(email, locale, { kind: 'verify-email', path: linkPath('verify-email', token) });
}

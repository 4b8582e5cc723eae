import { InputError, type ProblemCode } from '../../domain/errors.ts';
import { type AntiSpamRejection, checkAntiSpam } from '../../http/anti-spam/check.ts';
import { antiSpamFields as fields } from '../../http/anti-spam/honeypot.ts';
import type { SpentChallenges } from '../../http/anti-spam/proof-of-work.ts';
import type { LimitRepository } from '../../storage/repositories.ts';
import type { SafeHtml } from '../html.ts';
import type { Translator } from '../i18n/index.ts';
import type { FormBody } from './form-input.ts';

/** The anti-spam check of anonymous forms: resolves whether a proof of work was solved; throws on a bot. */
export interface AntiSpam {
  check(body: FormBody): Promise<boolean>;
}

/** The hidden honeypot and the proof-of-work field every anonymous form carries. */
export function antiSpamFields(tr: Translator): SafeHtml {
  return fields(tr.m.antiSpam);
}

/** Spent challenges in the database, so a solution is accepted once across every app process. */
export function spentChallenges(limits: LimitRepository): SpentChallenges {
  return { spend: (key, expiresAt) => limits.spend(`altcha:${key}`, expiresAt.toISOString()) };
}

/** What the person is told, in their language: a broken or forged solution reads like a failed check. */
const REJECTION_PROBLEMS: Record<AntiSpamRejection, ProblemCode> = {
  honeypot: 'honeypot',
  malformed: 'antiSpamInvalid',
  invalid: 'antiSpamInvalid',
  expired: 'antiSpamExpired',
  replayed: 'antiSpamReplayed',
};

/**
 * ALTCHA's own clock is the system's (it checks expiry itself), so challenges are made and checked on the
 * real clock even where tests pin the app's.
 */
export function formAntiSpam(key: string, spent: SpentChallenges): AntiSpam {
  return {
    async check(body) {
      const result = await checkAntiSpam(body, { key, spent, now: () => new Date() });
      if (!result.ok) throw new InputError(result.field, result.message, REJECTION_PROBLEMS[result.reason]);
      return result.proofOfWork;
    },
  };
}

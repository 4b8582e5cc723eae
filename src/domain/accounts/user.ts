import type { Locale } from '../locales.ts';

/**
 * Who may do what. A visitor has no account; every account starts as a contributor. Ownership is not a
 * role: it is a relation between a user and the places whose claims a moderator approved.
 */
export const ROLES = ['contributor', 'trusted', 'moderator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export interface User {
  id: number;
  email: string | null;
  emailVerified: boolean;
  /** Shown next to contributions when set; otherwise contributions are anonymous to the public. */
  displayName: string | null;
  role: Role;
  telegramId: string | null;
  /** Moderators: whether the queue digest is mailed to them. */
  notifyDigest: boolean;
  /** The language mails are written in: the one the account was made in. */
  locale: Locale;
  createdAt: string;
  deletedAt: string | null;
}

/** The person behind a request: a visitor, or a signed-in user with the places they own. */
export type Actor = { kind: 'visitor' } | { kind: 'user'; user: User; ownedPlaceIds: readonly number[] };

export const VISITOR: Actor = { kind: 'visitor' };

export const MAX_EMAIL_LENGTH = 254;
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;
export const MAX_DISPLAY_NAME_LENGTH = 60;

/** E-mail addresses are compared case-insensitively: one account per mailbox. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function isEmail(email: string): boolean {
  return email.length <= MAX_EMAIL_LENGTH && /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,}$/.test(email);
}

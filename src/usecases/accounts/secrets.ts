import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: session ids, one-time links and CSRF tokens. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Secrets are stored only as hashes, so a leaked database holds no usable session or link. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.ts';

describe('ANTI_SPAM_KEY', () => {
  it('is null when unset or empty, so that the server makes one and warns', () => {
    expect(readConfig({}).antiSpamKey).toBeNull();
    expect(readConfig({ ANTI_SPAM_KEY: '' }).antiSpamKey).toBeNull();
  });

  it('is taken as given when long enough', () => {
    const key = 'a'.repeat(64);
    expect(readConfig({ ANTI_SPAM_KEY: key }).antiSpamKey).toBe(key);
  });

  it('is refused when too short to be a secret', () => {
    expect(() => readConfig({ ANTI_SPAM_KEY: 'secret' })).toThrow(
      /ANTI_SPAM_KEY must be at least 32 characters/,
    );
  });
});

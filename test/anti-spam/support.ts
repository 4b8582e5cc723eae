import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import type { IssuedChallenge, SpentChallenges } from '../../src/http/anti-spam/proof-of-work.ts';

export const KEY = 'test-anti-spam-key-0123456789abcdef0123456789abcdef';

/** What the database table does, in memory: the first spend of a key wins. */
export class InMemorySpentChallenges implements SpentChallenges {
  readonly spent = new Map<string, Date>();

  async spend(key: string, expiresAt: Date): Promise<boolean> {
    if (this.spent.has(key)) return false;
    this.spent.set(key, expiresAt);
    return true;
  }
}

export interface SubmittedPayload {
  challenge: IssuedChallenge;
  solution: { counter: number; derivedKey: string; time?: number };
}

/** Solved by altcha-lib's own solver, as the browser does it, and encoded as the `altcha` form field. */
export async function solve(challenge: IssuedChallenge): Promise<SubmittedPayload> {
  const solution = await solveChallenge({ challenge, deriveKey, timeout: 20_000 });
  if (!solution) throw new Error('the challenge was not solved in time');
  return { challenge, solution };
}

export function encode(payload: SubmittedPayload): string {
  return Buffer.from(JSON.stringify(payload)).toString('base64');
}

/** A deep copy to tamper with. */
export function copy(payload: SubmittedPayload): SubmittedPayload {
  return structuredClone(payload);
}

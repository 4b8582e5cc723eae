import { beforeAll, describe, expect, it } from 'vitest';
import {
  CHALLENGE_TTL_MS,
  DIFFICULTY,
  issueChallenge,
  type ProofOfWorkDeps,
  resolveAntiSpamKey,
  verifyProofOfWork,
} from '../../src/http/anti-spam/proof-of-work.ts';
import { copy, encode, InMemorySpentChallenges, KEY, type SubmittedPayload, solve } from './support.ts';

const realClock = () => new Date();

function deps(overrides: Partial<ProofOfWorkDeps> = {}): ProofOfWorkDeps {
  return { key: KEY, spent: new InMemorySpentChallenges(), now: realClock, ...overrides };
}

// One solved challenge for the whole file (solving takes a fraction of a second); every test gets its own
// spent-challenge store, so that one test's spend does not look like another's replay.
let solved: SubmittedPayload;
beforeAll(async () => {
  solved = await solve(await issueChallenge({ key: KEY, now: realClock }));
});

describe('issuing a challenge', () => {
  it('uses the chosen difficulty and expires after ten minutes', async () => {
    const now = new Date();
    const challenge = await issueChallenge({ key: KEY, now: () => now });
    const { parameters } = challenge;
    expect(parameters.algorithm).toBe(DIFFICULTY.algorithm);
    expect(parameters.cost).toBe(DIFFICULTY.cost);
    expect(parameters.expiresAt).toBe(Math.floor((now.getTime() + CHALLENGE_TTL_MS) / 1000));
    expect(challenge.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(parameters.keySignature).toMatch(/^[0-9a-f]{64}$/);
  });

  it('needs a counter within the chosen range, so the work is neither trivial nor endless', () => {
    expect(solved.solution.counter).toBeGreaterThanOrEqual(DIFFICULTY.minCounter);
    expect(solved.solution.counter).toBeLessThanOrEqual(DIFFICULTY.maxCounter);
  });

  it('makes a new nonce every time', async () => {
    const a = await issueChallenge({ key: KEY, now: realClock });
    const b = await issueChallenge({ key: KEY, now: realClock });
    expect(a.parameters.nonce).not.toBe(b.parameters.nonce);
  });
});

describe('verifying a solution', () => {
  it('accepts a solved challenge', async () => {
    const spent = new InMemorySpentChallenges();
    expect(await verifyProofOfWork(encode(solved), deps({ spent }))).toEqual({ ok: true });
    expect([...spent.spent.keys()]).toEqual([solved.challenge.parameters.nonce]);
    expect(spent.spent.get(solved.challenge.parameters.nonce)).toEqual(
      new Date(solved.challenge.parameters.expiresAt * 1000),
    );
  });

  it('refuses a solution sent twice', async () => {
    const shared = deps();
    expect(await verifyProofOfWork(encode(solved), shared)).toEqual({ ok: true });
    expect(await verifyProofOfWork(encode(solved), shared)).toEqual({ ok: false, reason: 'replayed' });
  });

  it('refuses an expired challenge', async () => {
    const later = () => new Date(Date.now() + CHALLENGE_TTL_MS + 60_000);
    const spent = new InMemorySpentChallenges();
    expect(await verifyProofOfWork(encode(solved), deps({ now: later, spent }))).toEqual({
      ok: false,
      reason: 'expired',
    });
    expect(spent.spent.size).toBe(0);
  });

  it('accepts a challenge until just before it expires', async () => {
    const expiry = solved.challenge.parameters.expiresAt * 1000;
    const justBefore = () => new Date(expiry - 1000);
    expect(await verifyProofOfWork(encode(solved), deps({ now: justBefore }))).toEqual({ ok: true });
  });

  it('refuses a challenge signed with another key', async () => {
    const other = deps({ key: 'another-anti-spam-key-0123456789abcdef0123456789' });
    expect(await verifyProofOfWork(encode(solved), other)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a challenge whose parameters were changed to make it easier', async () => {
    const easier = copy(solved);
    easier.challenge.parameters.cost = 1;
    const spent = new InMemorySpentChallenges();
    expect(await verifyProofOfWork(encode(easier), deps({ spent }))).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(spent.spent.size).toBe(0);
  });

  it('refuses a challenge with a later expiry than it was issued with', async () => {
    const extended = copy(solved);
    extended.challenge.parameters.expiresAt += 3600;
    expect(await verifyProofOfWork(encode(extended), deps())).toEqual({ ok: false, reason: 'invalid' });
  });

  // The derived key is the proof (only its first half is published); the counter just says where it was found.
  it('refuses a wrong solution', async () => {
    const wrongKey = copy(solved);
    wrongKey.solution.derivedKey = wrongKey.solution.derivedKey.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    const spent = new InMemorySpentChallenges();
    expect(await verifyProofOfWork(encode(wrongKey), deps({ spent }))).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(spent.spent.size).toBe(0);
  });

  it('refuses payloads that are not ALTCHA payloads', async () => {
    const refused = { ok: false, reason: 'malformed' };
    expect(await verifyProofOfWork('not base64 json', deps())).toEqual(refused);
    expect(await verifyProofOfWork(Buffer.from('{"a":1}').toString('base64'), deps())).toEqual(refused);
    const noSolution = { challenge: solved.challenge };
    expect(
      await verifyProofOfWork(Buffer.from(JSON.stringify(noSolution)).toString('base64'), deps()),
    ).toEqual(refused);
    expect(await verifyProofOfWork(encode(solved).repeat(10), deps())).toEqual(refused);
  });
});

describe('the anti-spam key', () => {
  it('is the configured one when there is one', () => {
    const warnings: string[] = [];
    expect(resolveAntiSpamKey(KEY, (m) => warnings.push(m))).toBe(KEY);
    expect(warnings).toEqual([]);
  });

  it('is random per process otherwise, with a warning about several processes', () => {
    const warnings: string[] = [];
    const a = resolveAntiSpamKey(null, (m) => warnings.push(m));
    const b = resolveAntiSpamKey(null, (m) => warnings.push(m));
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toBe(b);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('ANTI_SPAM_KEY');
    expect(warnings[0]).toContain('several app processes');
  });
});

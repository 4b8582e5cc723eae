import { beforeAll, describe, expect, it } from 'vitest';
import { checkAntiSpam } from '../../src/http/anti-spam/check.ts';
import { HONEYPOT_FIELD } from '../../src/http/anti-spam/honeypot.ts';
import {
  CHALLENGE_TTL_MS,
  issueChallenge,
  PROOF_OF_WORK_FIELD,
  type ProofOfWorkDeps,
} from '../../src/http/anti-spam/proof-of-work.ts';
import { copy, encode, InMemorySpentChallenges, KEY, type SubmittedPayload, solve } from './support.ts';

function deps(now = () => new Date()): ProofOfWorkDeps {
  return { key: KEY, spent: new InMemorySpentChallenges(), now };
}

const form = { name: 'Kafana Kod Ruse', category: 'cafe' };

let solved: SubmittedPayload;
beforeAll(async () => {
  solved = await solve(await issueChallenge({ key: KEY, now: () => new Date() }));
});

describe('checkAntiSpam', () => {
  it('accepts a form with a solved proof of work and an empty honeypot', async () => {
    const body = { ...form, [HONEYPOT_FIELD]: '', [PROOF_OF_WORK_FIELD]: encode(solved) };
    expect(await checkAntiSpam(body, deps())).toEqual({ ok: true, proofOfWork: true });
  });

  it('accepts a form sent without JavaScript, saying it has no proof of work', async () => {
    expect(await checkAntiSpam({ ...form, [HONEYPOT_FIELD]: '', [PROOF_OF_WORK_FIELD]: '' }, deps())).toEqual(
      {
        ok: true,
        proofOfWork: false,
      },
    );
    expect(await checkAntiSpam(form, deps())).toEqual({ ok: true, proofOfWork: false });
    expect(await checkAntiSpam(undefined, deps())).toEqual({ ok: true, proofOfWork: false });
  });

  it('refuses a filled-in honeypot, even with a valid proof of work', async () => {
    const spent = new InMemorySpentChallenges();
    const body = { ...form, [HONEYPOT_FIELD]: 'https://spam.example', [PROOF_OF_WORK_FIELD]: encode(solved) };
    const result = await checkAntiSpam(body, { key: KEY, spent, now: () => new Date() });
    expect(result).toMatchObject({ ok: false, field: HONEYPOT_FIELD, reason: 'honeypot' });
    // Refused before the proof of work is looked at: the solution is not spent.
    expect(spent.spent.size).toBe(0);
    expect(await checkAntiSpam({ ...form, [HONEYPOT_FIELD]: ' ' }, deps())).toMatchObject({ ok: false });
    expect(await checkAntiSpam({ ...form, [HONEYPOT_FIELD]: ['', 'x'] }, deps())).toMatchObject({
      ok: false,
    });
  });

  it('refuses a proof of work that is there but wrong, expired or used before', async () => {
    const tampered = copy(solved);
    tampered.challenge.parameters.cost = 1;
    expect(await checkAntiSpam({ [PROOF_OF_WORK_FIELD]: encode(tampered) }, deps())).toMatchObject({
      ok: false,
      field: PROOF_OF_WORK_FIELD,
      reason: 'invalid',
    });
    const later = () => new Date(Date.now() + CHALLENGE_TTL_MS + 60_000);
    expect(await checkAntiSpam({ [PROOF_OF_WORK_FIELD]: encode(solved) }, deps(later))).toMatchObject({
      ok: false,
      reason: 'expired',
    });
    const shared = deps();
    expect(await checkAntiSpam({ [PROOF_OF_WORK_FIELD]: encode(solved) }, shared)).toEqual({
      ok: true,
      proofOfWork: true,
    });
    const replayed = await checkAntiSpam({ [PROOF_OF_WORK_FIELD]: encode(solved) }, shared);
    expect(replayed).toMatchObject({ ok: false, field: PROOF_OF_WORK_FIELD, reason: 'replayed' });
    expect(replayed.ok === false && replayed.message).toMatch(/already used/);
  });

  it('refuses a proof-of-work field sent twice or not as text', async () => {
    const twice = { [PROOF_OF_WORK_FIELD]: [encode(solved), encode(solved)] };
    expect(await checkAntiSpam(twice, deps())).toMatchObject({ ok: false, reason: 'malformed' });
    expect(await checkAntiSpam({ [PROOF_OF_WORK_FIELD]: 'garbage' }, deps())).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
    expect(await checkAntiSpam({ [PROOF_OF_WORK_FIELD]: null }, deps())).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
  });
});

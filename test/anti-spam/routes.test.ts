import formbody from '@fastify/formbody';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import Value from 'typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAntiSpam } from '../../src/http/anti-spam/check.ts';
import { ChallengeSchema, PROOF_OF_WORK_FIELD } from '../../src/http/anti-spam/proof-of-work.ts';
import { antiSpamRoutes } from '../../src/http/anti-spam/routes.ts';
import { encode, InMemorySpentChallenges, KEY, solve } from './support.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = Fastify({ logger: false }).withTypeProvider<TypeBoxTypeProvider>();
  await app.register(formbody);
  await app.register(antiSpamRoutes, { prefix: '/api/v1', key: KEY });
  const deps = { key: KEY, spent: new InMemorySpentChallenges(), now: () => new Date() };
  app.post('/suggest', async (request) => checkAntiSpam(request.body, deps));
});
afterAll(() => app.close());

describe('GET /challenge', () => {
  it('answers a fresh challenge that is never cached', async () => {
    const first = await app.inject({ url: '/api/v1/challenge' });
    const second = await app.inject({ url: '/api/v1/challenge' });
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('no-store');
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    expect(Value.Check(ChallengeSchema, first.json())).toBe(true);
    expect(first.json().parameters.nonce).not.toBe(second.json().parameters.nonce);
  });

  it('answers a challenge that, solved and sent with a form, passes the check once', async () => {
    // Through the route's serialisation: a field dropped by the response schema would break the signature.
    const challenge = (await app.inject({ url: '/api/v1/challenge' })).json();
    const payload = encode(await solve(challenge));
    const send = () =>
      app.inject({ method: 'POST', url: '/suggest', payload: { [PROOF_OF_WORK_FIELD]: payload } });
    expect((await send()).json()).toEqual({ ok: true, proofOfWork: true });
    expect((await send()).json()).toMatchObject({ ok: false, reason: 'replayed' });
  });

  it('reads the fields from a url-encoded form body', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/suggest',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'name=Kafana&homepage=&altcha=',
    });
    expect(res.json()).toEqual({ ok: true, proofOfWork: false });
  });
});

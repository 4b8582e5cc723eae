import { createHmac, randomBytes } from 'node:crypto';
import { createChallenge, randomInt, verifySolution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { type Static, Type } from 'typebox';
import Value from 'typebox/value';

/** The form field ALTCHA's solvers (and our client) fill with the base64 JSON of challenge and solution. */
export const PROOF_OF_WORK_FIELD = 'altcha';

/** Long enough to fill in a form after it was solved; the client solves again when less than a minute is left. */
export const CHALLENGE_TTL_MS = 10 * 60 * 1000;

/**
 * ALTCHA v2 "deterministic" challenges: the server derives the key for a random counter and publishes its
 * first half; the browser must try counters from 0 until it finds that key. The work is counter × cost
 * PBKDF2-SHA-256 rounds, so every visitor waits about as long as every other (no lucky or unlucky draws).
 *
 * PBKDF2 because browsers run it natively in WebCrypto, nearly as fast as a spammer's own code would; a
 * JavaScript hash would make people wait for an inefficiency bots do not have. 300–700 × 2,000 rounds is
 * 0.6–1.4 million rounds, 1 million on average. Chromium derives about 4.5 million rounds a second on a
 * server core with SHA instructions; the whole round trip (challenge, worker start, solving) took 0.3–0.8 s
 * there. Mid-range phones hash SHA-256 with their own instructions at a good half of that speed, low-end
 * cores at about a third: roughly 0.5–1 s on a mid-range phone, up to 1.5 s on a cheap one, mostly hidden
 * because solving starts when someone begins on the form. (DevTools CPU throttling says nothing here: it
 * does not slow WebCrypto's thread.) A cost of 2,000 keeps WebCrypto's per-call overhead small next to the
 * work, while issuing a challenge (one derivation, off the event loop) costs the server about 0.5 ms.
 */
export const DIFFICULTY = {
  algorithm: 'PBKDF2/SHA-256',
  cost: 2_000,
  minCounter: 300,
  maxCounter: 700,
} as const;

/** Longer than any payload our client makes (about 800 characters): nothing bigger is decoded at all. */
const MAX_PAYLOAD_LENGTH = 4_096;

/**
 * Challenges whose solution was accepted once. Backed by a database table, so that every app process sees
 * the same set; an entry can be deleted once `expiresAt` has passed, since the challenge is refused then.
 */
export interface SpentChallenges {
  /** Records `key` as spent; true the first time, false if it already was (atomically, across processes). */
  spend(key: string, expiresAt: Date): Promise<boolean>;
}

export interface ProofOfWorkDeps {
  /** The operator's HMAC secret (ANTI_SPAM_KEY), the same in every app process. */
  key: string;
  spent: SpentChallenges;
  now: () => Date;
}

/** A challenge as issued (and as the `GET /challenge` answer describes it). */
export const ChallengeSchema = Type.Object(
  {
    parameters: Type.Object({
      algorithm: Type.String(),
      cost: Type.Integer({ minimum: 1 }),
      expiresAt: Type.Integer({ description: 'Unix time in seconds after which a solution is refused' }),
      keyLength: Type.Integer({ minimum: 1 }),
      keyPrefix: Type.String({ description: 'Hex start of the derived key the solver must find' }),
      keySignature: Type.String(),
      nonce: Type.String(),
      salt: Type.String(),
    }),
    signature: Type.String(),
  },
  { description: 'An ALTCHA v2 proof-of-work challenge' },
);
export type IssuedChallenge = Static<typeof ChallengeSchema>;

const SubmittedPayload = Type.Object({
  challenge: ChallengeSchema,
  solution: Type.Object({
    counter: Type.Integer({ minimum: 0 }),
    derivedKey: Type.String(),
    time: Type.Optional(Type.Number()),
  }),
});

export type ProofOfWorkRejection = 'malformed' | 'invalid' | 'expired' | 'replayed';
export type ProofOfWorkVerdict = { ok: true } | { ok: false; reason: ProofOfWorkRejection };

/**
 * ALTCHA signs the challenge and, separately, the expected key (so that checking a solution is one HMAC,
 * not a PBKDF2 run). Both secrets come from the operator's one key, each for its own purpose.
 */
function secretsOf(key: string): { challenge: string; derivedKey: string } {
  const derive = (purpose: string) => createHmac('sha256', key).update(purpose).digest('hex');
  return {
    challenge: derive('kvartal proof-of-work: challenge signature'),
    derivedKey: derive('kvartal proof-of-work: derived key signature'),
  };
}

export async function issueChallenge(deps: Pick<ProofOfWorkDeps, 'key' | 'now'>): Promise<IssuedChallenge> {
  const secrets = secretsOf(deps.key);
  const challenge = await createChallenge({
    algorithm: DIFFICULTY.algorithm,
    cost: DIFFICULTY.cost,
    counter: randomInt(DIFFICULTY.maxCounter, DIFFICULTY.minCounter),
    deriveKey,
    expiresAt: new Date(deps.now().getTime() + CHALLENGE_TTL_MS),
    hmacSignatureSecret: secrets.challenge,
    hmacKeySignatureSecret: secrets.derivedKey,
  });
  // The response schema would silently drop a field the signature covers; this fails loudly instead.
  if (!Value.Check(ChallengeSchema, challenge))
    throw new Error('altcha-lib issued a challenge of another shape');
  return challenge;
}

/**
 * Checks a submitted ALTCHA payload: signed by our key, solved, not expired by the injected clock, and never
 * accepted before. Only a verified challenge is recorded as spent, so forged payloads cannot fill the table.
 */
export async function verifyProofOfWork(payload: string, deps: ProofOfWorkDeps): Promise<ProofOfWorkVerdict> {
  const submitted = parsePayload(payload);
  if (!submitted) return { ok: false, reason: 'malformed' };
  const { challenge, solution } = submitted;
  const secrets = secretsOf(deps.key);
  let result: Awaited<ReturnType<typeof verifySolution>>;
  try {
    result = await verifySolution({
      challenge,
      solution,
      deriveKey,
      hmacSignatureSecret: secrets.challenge,
      hmacKeySignatureSecret: secrets.derivedKey,
    });
  } catch {
    // altcha-lib throws on input it cannot handle; whatever it was, it was not a payload we issued.
    return { ok: false, reason: 'malformed' };
  }
  // altcha-lib reads the system clock; ours is checked too, after the signature, so tests can move it on.
  const expiresAt = new Date(challenge.parameters.expiresAt * 1000);
  if (result.expired || (result.verified && expiresAt <= deps.now())) return { ok: false, reason: 'expired' };
  if (!result.verified) return { ok: false, reason: 'invalid' };
  // The nonce is random per challenge and covered by the signature.
  if (!(await deps.spent.spend(challenge.parameters.nonce, expiresAt)))
    return { ok: false, reason: 'replayed' };
  return { ok: true };
}

function parsePayload(payload: string): Static<typeof SubmittedPayload> | null {
  if (payload.length > MAX_PAYLOAD_LENGTH) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
  } catch {
    return null;
  }
  return Value.Check(SubmittedPayload, value) ? value : null;
}

/**
 * The configured key, or a random one for this process with a warning: challenges signed by one process
 * are refused by another, and by the same one after a restart.
 */
export function resolveAntiSpamKey(configured: string | null, warn: (message: string) => void): string {
  if (configured) return configured;
  warn(
    'ANTI_SPAM_KEY is not set, so a random anti-spam key was made for this process. Set one shared key ' +
      '(openssl rand -hex 32) when several app processes serve the site, or forms being filled in across a ' +
      'restart are refused.',
  );
  return randomBytes(32).toString('hex');
}

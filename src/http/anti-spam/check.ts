import { Type } from 'typebox';
import { HONEYPOT_FIELD, honeypotFilled } from './honeypot.ts';
import {
  PROOF_OF_WORK_FIELD,
  type ProofOfWorkDeps,
  type ProofOfWorkRejection,
  verifyProofOfWork,
} from './proof-of-work.ts';

/**
 * Spread into a form route's body schema: with `additionalProperties: false` Fastify would otherwise strip
 * these fields before the route sees them.
 */
export const AntiSpamFields = {
  [HONEYPOT_FIELD]: Type.Optional(Type.String()),
  [PROOF_OF_WORK_FIELD]: Type.Optional(Type.String()),
};

export type AntiSpamRejection = 'honeypot' | ProofOfWorkRejection;

export type AntiSpamResult =
  | {
      ok: true;
      /** False when the form came without a solution (no JavaScript): hold it for moderation, rate-limit harder. */
      proofOfWork: boolean;
    }
  | { ok: false; field: string; message: string; reason: AntiSpamRejection };

const MESSAGES: Record<AntiSpamRejection, string> = {
  honeypot: 'This field must be left empty',
  malformed: 'The anti-spam check is not a valid ALTCHA payload',
  invalid: 'The anti-spam check does not match its challenge',
  expired: 'The anti-spam check has expired: reload the form and send it again',
  replayed: 'The anti-spam check was already used: reload the form and send it again',
};

/**
 * The anti-spam check of every anonymous form. A missing or empty `altcha` field is a form sent without
 * JavaScript, allowed with `proofOfWork: false`; a solution that is there but wrong, expired or used before
 * is refused, as is a filled-in honeypot.
 */
export async function checkAntiSpam(body: unknown, deps: ProofOfWorkDeps): Promise<AntiSpamResult> {
  const fields = isFields(body) ? body : {};
  if (honeypotFilled(fields)) return reject(HONEYPOT_FIELD, 'honeypot');
  const payload = fields[PROOF_OF_WORK_FIELD];
  if (payload === undefined || payload === '') return { ok: true, proofOfWork: false };
  // Repeated fields arrive as an array: not something our form sends.
  if (typeof payload !== 'string') return reject(PROOF_OF_WORK_FIELD, 'malformed');
  const verdict = await verifyProofOfWork(payload, deps);
  return verdict.ok ? { ok: true, proofOfWork: true } : reject(PROOF_OF_WORK_FIELD, verdict.reason);
}

/** A parsed form (or JSON) body; anything else has no anti-spam fields. */
function isFields(body: unknown): body is Readonly<Record<string, unknown>> {
  return typeof body === 'object' && body !== null && !Array.isArray(body);
}

function reject(field: string, reason: AntiSpamRejection): AntiSpamResult {
  return { ok: false, field, message: MESSAGES[reason], reason };
}

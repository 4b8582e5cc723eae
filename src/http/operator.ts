import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Compares without leaking, through timing, how much of the token a guess got right. */
function sameSecret(given: string, secret: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(secret));
}

/** Whether the request carries the operator token, without answering anything (other writers may follow). */
export function isOperatorToken(request: FastifyRequest, adminToken: string | null): boolean {
  const token = request.headers.authorization?.replace(/^Bearer\s+/i, '') ?? '';
  return Boolean(adminToken && token && sameSecret(token, adminToken));
}

/**
 * Whether the request carries the operator token (`Authorization: Bearer $ADMIN_TOKEN`); if not, answers 401
 * and returns false. Until accounts exist this token is the only way to write over HTTP.
 */
export function isOperator(request: FastifyRequest, reply: FastifyReply, adminToken: string | null): boolean {
  const token = request.headers.authorization?.replace(/^Bearer\s+/i, '') ?? '';
  if (adminToken && sameSecret(token, adminToken)) return true;
  reply.code(401).send({
    statusCode: 401,
    error: 'Unauthorized',
    message: adminToken
      ? 'an operator token is required (Authorization: Bearer …)'
      : 'writing over HTTP is off on this instance: the operator sets ADMIN_TOKEN to turn it on',
  });
  return false;
}

import type { FastifyError, FastifyInstance } from 'fastify';
import {
  ConflictError,
  ForbiddenError,
  InputError,
  NotFoundError,
  RateLimitError,
  UnauthenticatedError,
} from '../domain/errors.ts';

const STATUS_OF: [new (...args: never[]) => Error, number, string][] = [
  [UnauthenticatedError, 401, 'Unauthorized'],
  [ForbiddenError, 403, 'Forbidden'],
  [ConflictError, 409, 'Conflict'],
  [RateLimitError, 429, 'Too Many Requests'],
];

/**
 * One error shape for every route: client mistakes say which field and why (400/404); server faults are
 * logged in full and answered without details.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof InputError) {
      return reply
        .code(400)
        .send({ statusCode: 400, error: 'Bad Request', field: error.field, message: error.message });
    }
    if (error instanceof NotFoundError) {
      return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: error.message });
    }
    if (error instanceof RateLimitError) reply.header('retry-after', String(error.retryAfterSeconds));
    for (const [type, status, name] of STATUS_OF) {
      if (error instanceof type)
        return reply.code(status).send({ statusCode: status, error: name, message: error.message });
    }
    if (error.validation) {
      const first = error.validation[0];
      const params = (first?.params ?? {}) as Record<string, unknown>;
      const path = String(first?.instancePath ?? '')
        .replace(/^\//, '')
        .replace(/\//g, '.');
      const field =
        String(params.missingProperty ?? params.additionalProperty ?? path) ||
        String(error.validationContext ?? '');
      const message = `${field}: ${first?.message ?? 'is invalid'}`;
      return reply.code(400).send({ statusCode: 400, error: 'Bad Request', field, message });
    }
    const status = error.statusCode ?? 500;
    if (status < 500) {
      return reply
        .code(status)
        .send({ statusCode: status, error: error.name || 'Bad Request', message: error.message });
    }
    request.log.error({ err: error }, 'request failed');
    return reply
      .code(500)
      .send({ statusCode: 500, error: 'Internal Server Error', message: 'Something went wrong on our side' });
  });
}

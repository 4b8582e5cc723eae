/** A client mistake: names the field (or parameter, line, index) and says what is wrong. Maps to HTTP 400. */
export class InputError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = 'InputError';
  }
}

/** The thing asked for does not exist. Maps to HTTP 404. */
export class NotFoundError extends Error {
  constructor(readonly what: string) {
    super(`${what} not found`);
    this.name = 'NotFoundError';
  }
}

/** Not signed in, or a session/link that is no longer valid. Maps to HTTP 401. */
export class UnauthenticatedError extends Error {
  constructor(message = 'sign in first') {
    super(message);
    this.name = 'UnauthenticatedError';
  }
}

/** Signed in, but this role may not do this. Maps to HTTP 403. */
export class ForbiddenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** The thing changed since the caller looked at it (e.g. a suggestion already decided). Maps to HTTP 409. */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** Too many attempts in a time window. Maps to HTTP 429 with Retry-After. */
export class RateLimitError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`too many attempts; try again in ${retryAfterSeconds} s`);
    this.name = 'RateLimitError';
  }
}

/**
 * Problems a person can make in a form, by name: the web pages say them in the reader's language (the
 * catalogues have one sentence per code), while `problem` keeps the English wording of the API and the logs.
 */
export const PROBLEM_CODES = [
  'required',
  'tooLong',
  'nameRequired',
  'titleRequired',
  'categoryRequired',
  'categoryGroup',
  'coordinatesRequired',
  'coordinatesBoth',
  'coordinatesRange',
  'outsideCities',
  'number',
  'hours',
  'opened',
  'phone',
  'website',
  'telegram',
  'instagram',
  'email',
  'emailOptional',
  'passwordShort',
  'wrongSignIn',
  'confirmEmail',
  'controlCharacters',
  'eventType',
  'date',
  'dateTime',
  'endBeforeStart',
  'rrule',
  'eventPast',
  'cityRequired',
  'noSuchPlace',
  'venueLink',
  'minAge',
  'nothingChanged',
  'evidence',
  'reasonRequired',
  'purgeReason',
  'mergeSelf',
  'reportKind',
  'roleUnknown',
  'roleOwn',
  'month',
  'periodOrder',
  'periodLength',
  'honeypot',
  'antiSpamInvalid',
  'antiSpamExpired',
  'antiSpamReplayed',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** A client mistake: names the field (or parameter, line, index) and says what is wrong. Maps to HTTP 400. */
export class InputError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
    /** The problem by name, for pages that say it in the reader's language; `vars` fill its sentence. */
    readonly code?: ProblemCode,
    readonly vars: Readonly<Record<string, string | number>> = {},
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

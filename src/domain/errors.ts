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

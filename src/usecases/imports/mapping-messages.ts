import { InputError, type ProblemCode } from '../../domain/errors.ts';
import { ImportFileError } from '../../imports/record.ts';
import type { MappedBatch, MappingSetup, MappingTally } from './map-records.ts';

/** What the mapping worker is started with. */
export interface MappingWorkerData {
  setup: MappingSetup;
  bytes: Uint8Array;
  /** Batches it may map ahead of the writer. */
  ahead: number;
}

/**
 * Worker → writer, in this order: `ready` once its modules have loaded, batches, then `done` or `error`.
 * (Writer → worker: any message is one more batch of credit.)
 */
export type MappingMessage =
  | { kind: 'ready' }
  | { kind: 'batch'; batch: MappedBatch }
  | { kind: 'done'; tally: MappingTally }
  | { kind: 'error'; error: SerialisedError };

/** An error as it crosses threads: structured clone keeps neither its class nor an InputError's fields. */
export interface SerialisedError {
  name: string;
  message: string;
  stack?: string;
  field?: string;
  problem?: string;
  code?: ProblemCode;
  vars?: Readonly<Record<string, string | number>>;
}

export function serialisedError(error: unknown): SerialisedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const base = { name: error.name, message: error.message, ...(error.stack ? { stack: error.stack } : {}) };
  if (!(error instanceof InputError)) return base;
  return {
    ...base,
    field: error.field,
    problem: error.problem,
    ...(error.code ? { code: error.code } : {}),
    vars: error.vars,
  };
}

/** The error again, as the class the import's callers handle (a file problem stays an ImportFileError). */
export function revivedError(error: SerialisedError): Error {
  if (error.field !== undefined && error.problem !== undefined) {
    if (error.name === 'ImportFileError') return new ImportFileError(error.field, error.problem);
    return new InputError(error.field, error.problem, error.code, error.vars);
  }
  const revived = new Error(error.message);
  revived.name = error.name;
  revived.stack = `${error.name}: ${error.message}\n    (in the import's mapping worker)\n${error.stack ?? ''}`;
  return revived;
}

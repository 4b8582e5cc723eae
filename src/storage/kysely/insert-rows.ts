import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** One row of a table as column → value; every row of one call has the same columns. */
export type Row = Readonly<Record<string, string | number | null>>;

export interface InsertRowsOptions {
  /** Rows whose value in this unique column is already there are left out (ON CONFLICT DO NOTHING). */
  skipExisting?: string;
  /** Return the ids the rows were given. */
  returnIds?: boolean;
}

/**
 * Writes many rows of one table in as few statements as the backend allows, without the query builder:
 * an import writes hundreds of thousands, and building and compiling each multi-row INSERT through Kysely
 * cost more than the database spent on it. Returns the new ids in ascending order (which is the rows'
 * order: both backends number the rows of one statement as they insert them) when `returnIds` is set.
 */
export type InsertRows = (
  db: Kysely<Database>,
  table: keyof Database & string,
  rows: readonly Row[],
  options?: InsertRowsOptions,
) => Promise<number[]>;

export function quoted(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

/** The statement's tail, the same on both backends. */
export function conflictAndReturning(options: InsertRowsOptions): string {
  return (
    (options.skipExisting ? ` on conflict (${quoted(options.skipExisting)}) do nothing` : '') +
    (options.returnIds ? ' returning "id"' : '')
  );
}

export function idsOf(rows: readonly unknown[]): number[] {
  return rows.map((row) => Number((row as { id: unknown }).id)).sort((a, b) => a - b);
}

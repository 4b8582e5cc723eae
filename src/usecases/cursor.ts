import { InputError } from '../domain/errors.ts';

/** Opaque page cursors: base64url JSON, checked on the way back in so a forged one is a clear 400. */
export function encodeCursor(position: Record<string, number>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor<K extends string>(text: string, keys: readonly K[]): Record<K, number> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const record = parsed as Record<string, unknown> | null;
  if (
    !record ||
    typeof record !== 'object' ||
    keys.some((k) => typeof record[k] !== 'number' || !Number.isFinite(record[k]))
  ) {
    throw new InputError('cursor', 'is not a cursor this API returned for this kind of query');
  }
  return record as Record<K, number>;
}

import type { Place } from '../../domain/places/place.ts';
import { OPEN_FIELDS, type OpenRecordContext, openRecord } from '../open-record.ts';

const COLUMNS = ['lat', 'lon', ...OPEN_FIELDS] as const;

/**
 * RFC 4180 CSV, UTF-8 with a byte-order mark so that LibreOffice and Excel open Cyrillic correctly, CRLF
 * line ends, every field that needs it quoted. The licence is a column (CSV has no place for metadata).
 */
export async function* csvExport(
  pages: AsyncIterable<Place[]>,
  context: OpenRecordContext,
): AsyncIterable<string> {
  yield `\uFEFF${COLUMNS.map(quote).join(',')}\r\n`;
  for await (const page of pages) {
    let chunk = '';
    for (const place of page) {
      const record = openRecord(place, context);
      const row = [String(place.lat), String(place.lon), ...OPEN_FIELDS.map((f) => record[f] ?? '')];
      chunk += `${row.map(quote).join(',')}\r\n`;
    }
    yield chunk;
  }
}

/** One CSV record with its CRLF: every field quoted as it needs, formula-like text kept as text. */
export function csvLine(fields: readonly (string | number)[]): string {
  return `${fields.map((field) => quote(String(field))).join(',')}\r\n`;
}

/** A whole small CSV document: the byte-order mark, the header, the rows. */
export function csvDocument(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): string {
  return `\uFEFF${[header, ...rows].map(csvLine).join('')}`;
}

function quote(value: string): string {
  // A leading = + - @ (or tab, CR) would be run as a formula by spreadsheets: a tab in front keeps it text.
  // Only plain numbers pass as they are; a phone number (+381…) gets the tab too, which an import trims.
  const safe = /^[=+\-@\t\r]/.test(value) && !/^[-+]?\d+(\.\d+)?$/.test(value) ? `\t${value}` : value;
  return /[",\r\n\t]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

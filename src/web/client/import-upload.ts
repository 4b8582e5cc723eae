import type { ImportProgress, ImportReport } from '../../usecases/import-places.ts';

export const IMPORTS_URL = '/api/v1/imports';
const NDJSON = 'application/x-ndjson';

/** What the operator chose: sent as the query of `POST /api/v1/imports`, the same for the preview and the import. */
export interface ImportChoices {
  categoryMap: Record<string, string>;
  defaultCategory: string;
  duplicates: 'merge' | 'skip';
  partial: boolean;
}

export type ImportEvent =
  | { kind: 'upload'; loaded: number; total: number }
  /** The bytes are sent; the server reads the file. */
  | { kind: 'reading' }
  | ({ kind: 'progress' } & ImportProgress);

export type ImportOutcome =
  | { kind: 'report'; report: ImportReport }
  | { kind: 'unauthorized'; message: string }
  /** The file (or a choice) was refused: a 400, or an error line at the end of the stream. */
  | { kind: 'refused'; field: string; message: string }
  | { kind: 'failed'; status: number; message: string }
  | { kind: 'network' };

export function importQuery(fileName: string, choices: ImportChoices, dryRun: boolean): URLSearchParams {
  const query = new URLSearchParams({
    file_name: fileName,
    dry_run: String(dryRun),
    partial: String(choices.partial),
    duplicates: choices.duplicates,
  });
  if (choices.defaultCategory) query.set('default_category', choices.defaultCategory);
  if (Object.keys(choices.categoryMap).length) query.set('category_map', JSON.stringify(choices.categoryMap));
  return query;
}

interface Line {
  progress?: ImportProgress;
  report?: ImportReport;
  error?: { field?: string | null; message?: string };
}

/** Splits a growing response text into complete JSON lines; the unfinished tail waits for the next call. */
class LineReader {
  private consumed = 0;

  read(text: string, final: boolean): Line[] {
    const end = final ? text.length : text.lastIndexOf('\n') + 1;
    if (end <= this.consumed) return [];
    const chunk = text.slice(this.consumed, end);
    this.consumed = end;
    const lines: Line[] = [];
    for (const line of chunk.split('\n')) {
      if (!line.trim()) continue;
      try {
        lines.push(JSON.parse(line) as Line);
      } catch {
        // A line that is not JSON is not from the import; the outcome says so if nothing else comes.
      }
    }
    return lines;
  }
}

function parseJson(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A non-streamed answer: the report, or the error the status code and body describe. */
function answer(status: number, body: string): ImportOutcome {
  const json = parseJson(body);
  if (status >= 200 && status < 300 && 'counts' in json)
    return { kind: 'report', report: json as unknown as ImportReport };
  if (status === 401) return { kind: 'unauthorized', message: text(json.message) };
  if (status === 400) return { kind: 'refused', field: text(json.field), message: text(json.message) };
  return { kind: 'failed', status, message: text(json.message) || body.slice(0, 300) };
}

/**
 * Sends the file's bytes with XMLHttpRequest, the one browser API that reports upload progress, and reads
 * the NDJSON answer as it arrives: progress lines while the server works, then the report or an error.
 */
export function sendImport(
  file: File,
  token: string,
  query: URLSearchParams,
  onEvent: (event: ImportEvent) => void,
): Promise<ImportOutcome> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    const reader = new LineReader();
    let last: ImportOutcome | null = null;
    const streamed = () =>
      xhr.status === 200 && (xhr.getResponseHeader('content-type') ?? '').includes(NDJSON);
    const consume = (final: boolean) => {
      let progress: ImportProgress | undefined;
      for (const line of reader.read(xhr.responseText, final)) {
        // Lines that arrive together are one moment: only the latest count is news.
        if (line.progress) progress = line.progress;
        if (line.report) last = { kind: 'report', report: line.report };
        if (line.error) {
          const { field, message = '' } = line.error;
          // An error without a field is the server's own fault, not the file's.
          last = field ? { kind: 'refused', field, message } : { kind: 'failed', status: 500, message };
        }
      }
      if (progress) onEvent({ kind: 'progress', ...progress });
    };
    xhr.open('POST', `${IMPORTS_URL}?${query}`);
    xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', NDJSON);
    xhr.upload.addEventListener('progress', (event) => {
      onEvent({
        kind: 'upload',
        loaded: event.loaded,
        total: event.lengthComputable ? event.total : file.size,
      });
    });
    xhr.upload.addEventListener('load', () => onEvent({ kind: 'reading' }));
    xhr.addEventListener('progress', () => {
      if (streamed()) consume(false);
    });
    xhr.addEventListener('load', () => {
      if (!streamed()) return resolve(answer(xhr.status, xhr.responseText));
      consume(true);
      resolve(last ?? { kind: 'failed', status: xhr.status, message: '' });
    });
    xhr.addEventListener('error', () => resolve({ kind: 'network' }));
    xhr.addEventListener('abort', () => resolve({ kind: 'network' }));
    xhr.send(file);
  });
}

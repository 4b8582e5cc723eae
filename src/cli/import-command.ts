import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import { InputError } from '../domain/errors.ts';
import type { ImportFormat } from '../imports/formats/detect-format.ts';
import { ImportFileError } from '../imports/record.ts';
import { openStorage } from '../storage/open-storage.ts';
import { createContext } from '../usecases/create-context.ts';
import { type ImportReport, importPlaces } from '../usecases/import-places.ts';
import { IMPORT_USAGE } from './import-usage.ts';
import { activityLine, progressBar } from './progress.ts';

const FORMATS = ['kml', 'kmz', 'geojson', 'overpass-json', 'osm-xml', 'csv'] as const;
const ENCODINGS = ['utf-8', 'windows-1251', 'windows-1250'] as const;

/** `kvartal import`: exit 0 when written (or a clean dry run), 1 when refused for invalid records, 2 for bad input. */
export async function importCommand(args: string[], config: Config): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      'dry-run': { type: 'boolean' },
      partial: { type: 'boolean' },
      'category-map': { type: 'string' },
      'default-category': { type: 'string' },
      source: { type: 'string' },
      duplicates: { type: 'string' },
      report: { type: 'string' },
      columns: { type: 'string' },
      encoding: { type: 'string' },
      delimiter: { type: 'string' },
    },
  });
  const [file] = positionals;
  const problem = usageProblem(file, values);
  if (problem) {
    console.error(`${problem}\n\nUsage: ${IMPORT_USAGE}`);
    return 2;
  }
  const storage = openStorage(config.databaseUrl);
  try {
    const bytes = await readFile(file as string);
    const ctx = await createContext(storage);
    const label = values['dry-run'] ? 'Checking' : 'Importing';
    const activity = activityLine(label);
    let bar: ReturnType<typeof progressBar> | undefined;
    const report = await importPlaces(ctx, {
      fileName: file as string,
      bytes,
      ...(values.format ? { format: values.format as ImportFormat } : {}),
      dryRun: Boolean(values['dry-run']),
      partial: Boolean(values.partial),
      ...(values['category-map'] ? { categoryMap: await readCategoryMap(values['category-map']) } : {}),
      ...(values['default-category'] ? { defaultCategory: values['default-category'] } : {}),
      ...(values.source ? { source: values.source } : {}),
      duplicates: values.duplicates === 'skip' ? 'skip' : 'merge',
      limits: { maxBytes: config.importMaxBytes },
      csv: {
        ...(values.columns ? { columns: parseColumns(values.columns) } : {}),
        ...(values.encoding ? { encoding: values.encoding as (typeof ENCODINGS)[number] } : {}),
        ...(values.delimiter ? { delimiter: values.delimiter === '\\t' ? '\t' : values.delimiter } : {}),
      },
      onProgress: ({ records, rate, expected }) => {
        if (expected === undefined) return activity.update(`${records} records, ${rate}/s`);
        bar ??= progressBar(label, expected);
        bar.update(records);
      },
    });
    activity.done();
    bar?.done();
    console.log(describeReport(report));
    const reportFile = values.report ?? (values.partial ? `${file}.import-report.json` : undefined);
    if (reportFile) {
      await writeFile(reportFile, `${JSON.stringify(report, null, 2)}\n`);
      console.log(`Full report: ${reportFile}`);
    }
    return report.written || report.dryRun ? 0 : 1;
  } catch (error) {
    if (error instanceof ImportFileError || error instanceof InputError) {
      console.error(`${file}: ${error.message}. Nothing was imported.`);
      return 2;
    }
    if (isMissingFile(error)) {
      console.error(`${file}: no such file`);
      return 2;
    }
    throw error;
  } finally {
    await storage.close();
  }
}

function usageProblem(file: string | undefined, values: Record<string, unknown>): string | null {
  if (!file) return 'Which file? Give the file to import.';
  if (values.format && !(FORMATS as readonly unknown[]).includes(values.format))
    return `--format must be one of ${FORMATS.join(', ')}`;
  if (values.duplicates && values.duplicates !== 'merge' && values.duplicates !== 'skip')
    return '--duplicates must be merge or skip';
  if (values.encoding && !(ENCODINGS as readonly unknown[]).includes(values.encoding))
    return `--encoding must be one of ${ENCODINGS.join(', ')}`;
  return null;
}

async function readCategoryMap(file: string): Promise<Record<string, string>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new InputError('--category-map', `${file} is not readable JSON (${(error as Error).message})`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new InputError('--category-map', `${file} must hold one JSON object of "name": "category-slug"`);
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value !== 'string')
      throw new InputError('--category-map', `the value of "${key}" must be a category slug`);
  }
  return parsed as Record<string, string>;
}

function parseColumns(text: string): Record<string, string> {
  const columns: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new InputError('--columns', `"${pair}" is not KEY=HEADER`);
    columns[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return columns;
}

const SHOWN = 20;

/** The report as an operator reads it in a terminal. */
export function describeReport(report: ImportReport): string {
  const c = report.counts;
  const lines = [
    `${report.file} (${report.format}): ${c.records} records in ${report.seconds.toFixed(1)} s`,
    `  new ${c.new} · updated ${c.updated} · unchanged ${c.unchanged} · duplicate ${c.duplicate} · invalid ${c.invalid} · skipped ${c.skipped} · excluded ${c.excluded}`,
  ];
  if (c.skipped)
    lines.push(
      `  skipped geometry: ${report.skipped.line} lines, ${report.skipped.polygon} polygons, ${report.skipped.other} other`,
    );
  if (report.layers.length) {
    lines.push('  layers → categories:');
    for (const layer of report.layers) {
      const categories = Object.entries(layer.categories)
        .map(([slug, n]) => `${slug} ${n}`)
        .join(', ');
      lines.push(`    "${layer.name}" (${layer.records}): ${categories || 'no category'}`);
    }
  }
  const list = (title: string, items: string[]) => {
    if (!items.length) return;
    lines.push(`  ${title} (${items.length}):`);
    for (const item of items.slice(0, SHOWN)) lines.push(`    ${item}`);
    if (items.length > SHOWN) lines.push(`    … and ${items.length - SHOWN} more (see --report)`);
  };
  const reasons = new Map<string, number>();
  for (const item of report.invalid) reasons.set(item.reason, (reasons.get(item.reason) ?? 0) + 1);
  if (reasons.size > 0 && reasons.size < report.invalid.length) {
    lines.push('  invalid, by reason:');
    for (const [reason, n] of [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 10))
      lines.push(`    ${n} × ${reason}`);
  }
  list(
    'invalid',
    report.invalid.map((i) => `${i.position}: ${i.reason}`),
  );
  list(
    'duplicates',
    report.duplicates.map(
      (d) =>
        `${d.position}: ${d.reason}${d.placeId ? ` — place #${d.placeId}${d.merged ? ' (blanks filled)' : ''}` : ''}`,
    ),
  );
  list(
    'warnings',
    report.warnings.map((w) => `${w.position}: ${w.message}`),
  );
  if (report.dryRun) lines.push('Dry run: nothing was written.');
  else if (!report.written)
    lines.push(
      'Nothing was written: the file has invalid records. Fix them, or import the rest with --partial.',
    );
  return lines.join('\n');
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'ENOENT';
}

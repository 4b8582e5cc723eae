/** One markdown table; run.ts prints each as its section finishes and collects them for results/latest.md. */
export interface Table {
  title: string;
  columns: string[];
  rows: string[][];
  notes?: string[];
}

export function renderTable(table: Table): string {
  const widths = table.columns.map((c, i) =>
    Math.max(c.length, ...table.rows.map((r) => (r[i] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${widths.map((w, i) => (cells[i] ?? '').padEnd(w)).join(' | ')} |`;
  const out = [
    `### ${table.title}`,
    '',
    line(table.columns),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
  ];
  for (const row of table.rows) out.push(line(row));
  if (table.notes?.length) out.push('', ...table.notes);
  return `${out.join('\n')}\n`;
}

/** Milliseconds with precision that suits their size. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (value < 1) return value.toFixed(3);
  if (value < 10) return value.toFixed(2);
  if (value < 100) return value.toFixed(1);
  return value.toFixed(0);
}

export function count(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

export function ratio(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : '–';
}

export function verdict(pass: boolean, target: string): string {
  return `${pass ? 'PASS' : 'MISS'} (${target})`;
}

/** Progress goes to stderr, so stdout stays a clean markdown document. */
export function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

/** Latency samples in milliseconds and what the tables print from them. */
export interface Summary {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile of sorted samples (no interpolation: p99 of 300 samples is a sample that happened). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

export interface TimingOptions {
  samples: number;
  warmup: number;
}

export const DEFAULT_TIMING: TimingOptions = {
  samples: Number(process.env.BENCH_SAMPLES ?? 1000),
  warmup: Number(process.env.BENCH_WARMUP ?? 50),
};

/**
 * Calls `run(i)` sequentially, `warmup` times untimed and then `samples` times timed, one call at a time:
 * the latency one request sees on an otherwise idle process.
 */
export async function timeCalls(
  run: (i: number) => Promise<unknown> | unknown,
  options: TimingOptions = DEFAULT_TIMING,
): Promise<Summary> {
  for (let i = 0; i < options.warmup; i++) await run(i);
  const samples: number[] = new Array(options.samples);
  for (let i = 0; i < options.samples; i++) {
    const start = process.hrtime.bigint();
    await run(options.warmup + i);
    samples[i] = Number(process.hrtime.bigint() - start) / 1e6;
  }
  return summarize(samples);
}

/** Milliseconds one async call took. */
export async function timeOnce<T>(run: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await run();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

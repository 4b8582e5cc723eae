import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { progress } from './table.ts';

const MAX_WAIT_S = Number(process.env.BENCH_QUIET_MAX_S ?? 180);
const QUIET_BELOW = Number(process.env.BENCH_QUIET_BELOW ?? 0.15);

/**
 * The share of all cores that other processes kept busy over one second (Linux /proc/stat; null elsewhere).
 * Called while the benchmark itself is idle, so all of it is somebody else's.
 */
export async function othersBusy(): Promise<number | null> {
  const first = await cpuTimes();
  if (!first) return null;
  await sleep(1000);
  const second = await cpuTimes();
  if (!second) return null;
  const total = second.total - first.total;
  return total > 0 ? 1 - (second.idle - first.idle) / total : null;
}

/**
 * Waits (up to BENCH_QUIET_MAX_S) until other processes leave the CPU mostly idle: on a shared 2-core machine a
 * neighbour's test run would otherwise land in our p99. Returns the busy share the section started with.
 */
export async function waitForQuiet(label: string): Promise<number | null> {
  const deadline = Date.now() + MAX_WAIT_S * 1000;
  let busy = await othersBusy();
  let told = false;
  while (busy !== null && busy >= QUIET_BELOW && Date.now() < deadline) {
    if (!told)
      progress(`${label}: waiting for a quieter machine (${Math.round(busy * 100)}% busy elsewhere)`);
    told = true;
    busy = await othersBusy();
  }
  return busy;
}

async function cpuTimes(): Promise<{ idle: number; total: number } | null> {
  const text = await readFile('/proc/stat', 'utf8').catch(() => null);
  const fields = text?.split('\n', 1)[0]?.trim().split(/\s+/).slice(1).map(Number);
  if (!fields || fields.length < 5) return null;
  // user nice system idle iowait irq softirq steal: idle and iowait are the idle ones.
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { idle, total: fields.slice(0, 8).reduce((sum, n) => sum + n, 0) };
}

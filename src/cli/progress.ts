/** A one-line progress bar with count and rate on a terminal; plain periodic lines when output is not a TTY. */
export function progressBar(label: string, total: number) {
  const started = Date.now();
  let lastPrinted = 0;
  const tty = process.stderr.isTTY;
  const render = (done: number) => {
    const seconds = Math.max(0.001, (Date.now() - started) / 1000);
    const rate = Math.round(done / seconds);
    const share = total > 0 ? Math.min(1, done / total) : 1;
    const width = 28;
    const filled = Math.round(share * width);
    return `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${Math.round(share * 100)}% ${rate}/s`;
  };
  return {
    update: (done: number) => {
      const now = Date.now();
      if (now - lastPrinted < (tty ? 100 : 2000) && done < total) return;
      lastPrinted = now;
      if (tty) process.stderr.write(`\r${render(done)}`);
      else process.stderr.write(`${render(done)}\n`);
    },
    done: () => {
      if (tty) process.stderr.write('\n');
    },
  };
}

/** Progress without a known total: what is happening and how fast, on one line (periodic lines off a TTY). */
export function activityLine(label: string) {
  let lastPrinted = 0;
  const tty = process.stderr.isTTY;
  return {
    update: (status: string) => {
      const now = Date.now();
      if (now - lastPrinted < (tty ? 100 : 2000)) return;
      lastPrinted = now;
      process.stderr.write(tty ? `\r${label}: ${status}\u001b[K` : `${label}: ${status}\n`);
    },
    done: () => {
      if (tty && lastPrinted) process.stderr.write('\n');
    },
  };
}

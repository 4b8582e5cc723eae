// Builds the browser bundle when it is missing or older than its sources, so `npm start` and `npm test`
// work on a fresh clone without a separate build step, and stay fast when nothing changed.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const marker = 'dist/client/assets/app.js';
// The bundle imports the web components, i18n catalogues and the domain's locale code as well.
const sources = ['src/web', 'src/domain/locales.ts', 'vite.config.ts', 'package-lock.json'];

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const stale =
  !existsSync(marker) || Math.max(...sources.filter(existsSync).map(newest)) > statSync(marker).mtimeMs;
if (stale) {
  console.error('Building the browser bundle (vite build)…');
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
}

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Taxonomy } from '../usecases/taxonomy.ts';
import type { Assets } from './pages/layout.ts';

/** Vite writes these fixed names (see vite.config.ts), so the server needs no manifest. */
export const CLIENT_SCRIPT = 'assets/app.js';
export const CLIENT_STYLES = 'assets/app.css';
export const TAXONOMY_CSS_PATH = '/assets/taxonomy.css';
export const NOJS_CSS_PATH = '/assets/nojs.css';

function versioned(clientDir: string, file: string): string | null {
  try {
    const hash = createHash('sha256')
      .update(readFileSync(join(clientDir, file)))
      .digest('hex')
      .slice(0, 12);
    return `/${file}?v=${hash}`;
  } catch {
    return null;
  }
}

/**
 * The built client's URLs. Read once the build exists; until then pages render without the map (and say so
 * in the log) and the check is repeated, so a build made while the server runs is picked up.
 */
export function clientAssets(clientDir: string, warn: (message: string) => void): () => Assets {
  let found: Assets | null = null;
  let warned = false;
  return () => {
    if (found) return found;
    const script = versioned(clientDir, CLIENT_SCRIPT);
    const styles = versioned(clientDir, CLIENT_STYLES);
    const assets: Assets = { script, styles: [...(styles ? [styles] : []), TAXONOMY_CSS_PATH] };
    if (script && styles) found = assets;
    else if (!warned) {
      warned = true;
      warn(
        `the browser client is not built in ${clientDir}: run "npm run build:client"; pages work without the map`,
      );
    }
    return assets;
  };
}

/** Category colours as classes, so that pages need no inline styles (a strict Content-Security-Policy holds). */
export function taxonomyCss(taxonomy: Taxonomy): string {
  return taxonomy.categories
    .filter((c) => /^[a-z0-9-]+$/.test(c.slug) && /^#[0-9a-fA-F]{3,8}$/.test(c.color))
    .map((c) => `.cat--${c.slug}{--cat:${c.color}}`)
    .join('\n');
}

/** Without JavaScript there are no maps: their panels are hidden and the text takes the whole width. */
export const NOJS_CSS = [
  '.map-panel{display:none!important}',
  '.page-home{height:auto!important;overflow:visible!important}',
  '.page-home .home{display:block!important}',
  '.page-home .sidebar{display:block!important;overflow:visible!important;max-width:48rem;margin:0 auto;border:0!important}',
  '.page-embed .embed{grid-template:"results" minmax(0,1fr)/minmax(0,1fr)!important}',
  '.place__aside{display:none!important}',
  '.place__body{display:block!important}',
  '.events-map{display:none!important}',
].join('\n');

export const FAVICON_PATH = '/favicon.svg';
/** The brand pin; an SVG icon also keeps browsers from asking for /favicon.ico. */
export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M12 2a7 7 0 0 0-7 7c0 5.2 7 13 7 13s7-7.8 7-13a7 7 0 0 0-7-7Z" fill="#1d4e89"/><circle cx="12" cy="9" r="2.6" fill="#fff"/></svg>';

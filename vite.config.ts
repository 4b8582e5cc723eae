import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { defineConfig, type Plugin } from 'vite';

/**
 * MapLibre 6 starts its web worker from a separate module file next to the library. The bundle cannot know
 * where that is, so the file is copied to a fixed name and the client points MapLibre at it.
 */
function maplibreWorker(): Plugin {
  const require = createRequire(import.meta.url);
  return {
    name: 'kvartal-maplibre-worker',
    apply: 'build',
    generateBundle() {
      const file = require.resolve('maplibre-gl/dist/maplibre-gl-worker.mjs');
      const source = readFileSync(file, 'utf8').replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n');
      this.emitFile({ type: 'asset', fileName: 'assets/maplibre-gl-worker.js', source });
    },
  };
}

/**
 * The browser client. Output names are fixed (assets/app.js, assets/app.css) so the server links them without
 * reading a manifest; it adds a content hash as a query string for caching.
 */
export default defineConfig({
  publicDir: false,
  plugins: [maplibreWorker()],
  build: {
    outDir: 'dist/client',
    emptyOutDir: true,
    manifest: false,
    cssCodeSplit: false,
    sourcemap: false,
    target: 'es2022',
    // MapLibre alone is about 1 MB; it is one file on purpose.
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      input: { app: 'src/web/client/main.ts' },
      output: {
        entryFileNames: 'assets/app.js',
        chunkFileNames: 'assets/[name].js',
        assetFileNames: (asset) =>
          asset.names.some((name) => name.endsWith('.css')) ? 'assets/app.css' : 'assets/[name][extname]',
      },
    },
  },
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createContext } from '../../src/usecases/create-context.ts';
import { importPlaces } from '../../src/usecases/import-places.ts';
import { BACKENDS, freshDatabase } from '../support/backends.ts';
import { gdalAvailable } from '../support/gdal.ts';

const FIXTURE = join(import.meta.dirname, '../fixtures/imports/round-trip.geojson');
const dir = mkdtempSync(join(tmpdir(), 'kvartal-gdal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What must survive any faithful conversion: who, what, where and how to reach them. */
async function importedSummary(backend: (typeof BACKENDS)[number], file: string) {
  const database = await freshDatabase(backend);
  try {
    const ctx = await createContext(database.storage);
    const report = await importPlaces(ctx, { fileName: file, bytes: readFileSync(file) });
    expect(report.counts, file).toMatchObject({ invalid: 0, duplicate: 0 });
    const places = await ctx.storage.places.list({ demo: false, limit: 100 });
    return places
      .map((p) => ({
        name: p.names[p.originalLocale],
        category: p.category,
        city: p.city,
        at: [p.lon.toFixed(6), p.lat.toFixed(6)],
        contacts: p.contacts,
        hours: p.hours,
        languages: [...p.languages].sort(),
        address: p.address,
      }))
      .sort((a, b) => String(a.name).localeCompare(String(b.name)));
  } finally {
    await database.drop();
  }
}

describe.runIf(gdalAvailable()).each(BACKENDS)('GDAL round trip on %s', (backend) => {
  it('ogr2ogr turns a GeoJSON file into KML and CSV that import as the same places', async () => {
    const kml = join(dir, `${backend}.kml`);
    const csv = join(dir, `${backend}.csv`);
    execFileSync('ogr2ogr', ['-f', 'KML', kml, FIXTURE, '-dsco', 'NameField=name'], { stdio: 'pipe' });
    execFileSync('ogr2ogr', ['-f', 'CSV', csv, FIXTURE, '-lco', 'GEOMETRY=AS_XY'], { stdio: 'pipe' });

    const expected = await importedSummary(backend, FIXTURE);
    expect(expected).toHaveLength(5);
    expect(expected.map((p) => p.category).sort()).toEqual(
      ['bakery', 'cafe', 'hair-salon', 'kindergarten', 'legal-residence'].sort(),
    );
    expect(await importedSummary(backend, kml)).toEqual(expected);
    expect(await importedSummary(backend, csv)).toEqual(expected);
  });
});

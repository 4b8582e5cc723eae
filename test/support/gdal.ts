import { execFileSync } from 'node:child_process';

/**
 * Whether GDAL's command-line tools are installed. CI installs them (gdal-bin) and must run the GDAL
 * checks, so there a missing GDAL is an error rather than a skipped test.
 */
export function gdalAvailable(): boolean {
  try {
    execFileSync('ogrinfo', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    if (process.env.CI) throw new Error('CI runs the GDAL checks: install gdal-bin (ogrinfo, ogr2ogr)');
    return false;
  }
}

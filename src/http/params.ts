import { InputError } from '../domain/errors.ts';
import type { BBox } from '../domain/geo.ts';
import { isLocale, type Locale } from '../domain/locales.ts';

/** Query-string parsers shared by the API routes and the server-rendered pages. Each names its parameter. */
export function parseBBox(value: string | undefined, name = 'bbox'): BBox | undefined {
  if (value === undefined || value === '') return undefined;
  const parts = value.split(',').map((p) => p.trim());
  const numbers = parts.map(Number);
  if (parts.length !== 4 || parts.some((p) => p === '') || numbers.some((n) => !Number.isFinite(n))) {
    throw new InputError(name, 'must be four numbers: minLon,minLat,maxLon,maxLat');
  }
  const [minLon, minLat, maxLon, maxLat] = numbers as [number, number, number, number];
  if (minLon < -180 || maxLon > 180 || minLon > maxLon) {
    throw new InputError(name, 'longitudes must be within −180…180 with minLon ≤ maxLon');
  }
  if (minLat < -90 || maxLat > 90 || minLat > maxLat) {
    throw new InputError(name, 'latitudes must be within −90…90 with minLat ≤ maxLat');
  }
  return { minLon, minLat, maxLon, maxLat };
}

export function parseNear(value: string | undefined): { lon: number; lat: number } | undefined {
  if (value === undefined || value === '') return undefined;
  const parts = value.split(',').map((p) => p.trim());
  const [lat, lon] = parts.map(Number) as [number, number];
  if (parts.length !== 2 || parts.some((p) => p === '') || !Number.isFinite(lat) || !Number.isFinite(lon)) {
    throw new InputError('near', 'must be two numbers: lat,lon');
  }
  if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
    throw new InputError('near', 'latitude must be within −90…90 and longitude within −180…180');
  }
  return { lon, lat };
}

export function parseList(value: string | undefined): string[] | undefined {
  if (value === undefined || value === '') return undefined;
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function parseBoolean(value: string | undefined, name: string): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  if (['true', '1', 'yes', 'on'].includes(value)) return true;
  if (['false', '0', 'no', 'off'].includes(value)) return false;
  throw new InputError(name, 'must be true or false');
}

export function parseNumber(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new InputError(name, 'must be a number');
  return n;
}

export function parseLocale(value: string | undefined, fallback: Locale): Locale {
  if (value === undefined || value === '') return fallback;
  if (!isLocale(value)) throw new InputError('locale', 'must be one of ru, sr-Latn, sr-Cyrl, en, uk');
  return value;
}

import { InputError } from '../../domain/errors.ts';
import type { Locale } from '../../domain/locales.ts';
import type { PlaceInput } from '../../usecases/prepare-place.ts';

export type FormBody = Record<string, unknown>;

export function text(body: FormBody, name: string): string {
  const value = body[name];
  if (Array.isArray(value)) return String(value[0] ?? '');
  return typeof value === 'string' ? value : '';
}

export function coordinate(body: FormBody, name: 'lat' | 'lon'): number | undefined {
  const raw = text(body, name).trim().replace(',', '.');
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new InputError(name, 'must be a number such as 44.8176', 'number');
  return value;
}

/**
 * An HTML place form as the same input the API takes. The form speaks one locale: its name and description
 * are that locale's texts. Empty contact fields mean "none".
 */
export function placeInputFromForm(body: FormBody, locale: Locale): PlaceInput {
  const languages = body.languages;
  const contacts: Record<string, string> = {};
  for (const field of ['phone', 'website', 'telegram', 'instagram'])
    contacts[field] = text(body, `contacts.${field}`).trim();
  return {
    names: { [locale]: text(body, 'name') },
    descriptions: { [locale]: text(body, 'description') },
    category: text(body, 'category') || undefined,
    address: text(body, 'address'),
    lat: coordinate(body, 'lat'),
    lon: coordinate(body, 'lon'),
    hours: text(body, 'hours'),
    contacts,
    languages: Array.isArray(languages)
      ? languages.map(String)
      : typeof languages === 'string'
        ? [languages]
        : [],
    home_based: text(body, 'home_based') === 'on',
    locals_welcome: text(body, 'locals_welcome') === 'on',
    opened: text(body, 'opened'),
  };
}

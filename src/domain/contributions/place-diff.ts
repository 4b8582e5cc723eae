import type { PlaceData } from '../places/place.ts';
import { CONTENT_FIELDS, type ContentField, changedFields } from '../places/place-changes.ts';

/** One changed field with both sides as plain text, for a moderator's side-by-side view. */
export interface FieldChange {
  field: ContentField | 'status';
  before: string;
  after: string;
}

function show(place: PlaceData | null, field: FieldChange['field']): string {
  return place ? valueText(place[field]) : '';
}

/** A field's value as one plain text: yes/no, lists joined, one `key: value` line per entry of a record. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object') {
    return Object.entries(value)
      .filter(([, v]) => v !== '' && v !== undefined)
      .map(([k, v]) => `${k}: ${String(v)}`)
      .join('\n');
  }
  return String(value);
}

/** Field-by-field difference between two versions of a place (`before` null: everything is new). */
export function placeDiff(before: PlaceData | null, after: PlaceData): FieldChange[] {
  const fields: FieldChange['field'][] = before ? changedFields(before, after) : fieldsOf(after);
  if (before && before.status !== after.status) fields.push('status');
  return fields.map((field) => ({ field, before: show(before, field), after: show(after, field) }));
}

function fieldsOf(place: PlaceData): FieldChange['field'][] {
  return CONTENT_FIELDS.filter((field) => field !== 'originalLocale' && show(place, field) !== '');
}

import type { ChangeNote } from '../../domain/contributions/contribution.ts';
import { distanceMeters } from '../../domain/geo.ts';
import { publicView } from '../../domain/places/approximate-position.ts';
import { DuplicateIndex, type MatchKeys, namesOf } from '../../domain/places/duplicate-keys.ts';
import type { Place } from '../../domain/places/place.ts';
import { changedFields, fillBlanks } from '../../domain/places/place-changes.ts';
import type { PlaceRepository } from '../../storage/repositories.ts';
import type { ImportReport, ImportRequest } from '../import-places.ts';
import type { MappedBatch, MappedPlace, Problem } from './map-records.ts';

/**
 * The writing side of one import: matches each mapped batch against storage and writes it, counting what
 * happened to each place (the mapping counts the rest: see map-records.ts).
 */
export class ImportRun {
  readonly counts = { new: 0, updated: 0, unchanged: 0, duplicate: 0, invalid: 0 };
  readonly invalid: Problem[] = [];
  readonly duplicates: ImportReport['duplicates'] = [];
  /** Every place an import writes gets a version in its history, attributed to the import's source. */
  private readonly change: ChangeNote;

  constructor(
    private readonly request: ImportRequest,
    private readonly source: string,
  ) {
    this.change = { action: 'import', authorId: request.importedBy ?? null, note: source };
  }

  /** Matches a mapped batch against storage and writes it; batches must be written in the file's order. */
  async write(batch: MappedBatch, places: PlaceRepository): Promise<void> {
    this.invalid.push(...batch.invalid);
    this.counts.invalid += batch.invalid.length;
    const mapped = batch.places;
    if (mapped.length === 0) return;
    const candidates = await places.duplicateCandidates({
      source: { source: this.source, sourceIds: mapped.map((m) => m.key) },
      nameKeys: [...new Set(mapped.flatMap((m) => [...m.keys.names]))],
      phoneKeys: unique(mapped.map((m) => m.keys.phone)),
      websiteKeys: unique(mapped.map((m) => m.keys.website)),
    });
    const own = new Map<string, number>();
    // Every candidate counts as a possible duplicate, places this file wrote in earlier batches included.
    const existing = new DuplicateIndex<number>();
    for (const c of candidates) {
      if (c.source === this.source && c.sourceId) own.set(c.sourceId, c.id);
      existing.add(c.id, {
        names: new Set(c.nameKey ? [c.nameKey] : []),
        phone: c.phoneKey,
        website: c.websiteKey,
        lon: c.lon,
        lat: c.lat,
      });
    }

    // First decide for every record, then read the places they touch in one query, then write.
    const fresh = new DuplicateIndex<MappedPlace>();
    const freshItems: MappedPlace[] = [];
    const decisions: Array<{
      item: MappedPlace;
      placeId: number;
      kind: 'refresh' | 'merge';
      reason: string;
    }> = [];
    for (const item of mapped) {
      const ownId = own.get(item.key);
      if (ownId !== undefined) {
        decisions.push({ item, placeId: ownId, kind: 'refresh', reason: '' });
        continue;
      }
      const earlier = fresh.find(item.keys);
      if (earlier) {
        this.duplicate(item, null, `${earlier.reason} as ${earlier.entry.position}`, false);
        continue;
      }
      const other = existing.find(item.keys);
      if (other) {
        decisions.push({ item, placeId: other.entry, kind: 'merge', reason: other.reason });
        continue;
      }
      fresh.add(item, item.keys);
      freshItems.push(item);
    }
    const current = new Map((await places.getMany(decisions.map((d) => d.placeId))).map((p) => [p.id, p]));
    for (const decision of decisions) {
      const place = current.get(decision.placeId);
      if (!place) continue;
      if (decision.kind === 'refresh' && !plausiblySame(place, decision.item.keys)) {
        const name = place.names[place.originalLocale] ?? '';
        this.reject(
          decision.item.position,
          `its id "${decision.item.key}" already belongs to place #${place.id} "${name}" from ${this.source}, named differently and elsewhere: if this is another file with the same name, import it under its own source`,
        );
        continue;
      }
      const updated =
        decision.kind === 'refresh'
          ? await this.refresh(place, decision.item, places)
          : await this.merge(place, decision.item, decision.reason, places);
      if (updated) current.set(updated.id, updated);
    }
    await places.insertMany(
      freshItems.map((f) => f.data),
      this.change,
      freshItems.map((f) => f.indexed),
    );
    this.counts.new += freshItems.length;
  }

  /** The source sent this record before: update the place if the source changed it. */
  private async refresh(own: Place, item: MappedPlace, places: PlaceRepository): Promise<Place | null> {
    // A home-based place is stored with its public view only: compare what the source says with that view.
    const sent = publicView({ ...item.data, homeBased: Boolean(own.homeBased || item.data.homeBased) });
    if (changedFields(own, sent).length === 0) {
      this.counts.unchanged++;
      return null;
    }
    this.counts.updated++;
    // The source owns the content it sent; the community's status decisions (closed, pending) stay, and so
    // does home-based: once a place hides where someone lives, no import makes it public again.
    const homeBased = Boolean(own.homeBased || item.data.homeBased);
    return places.update(
      own.id,
      { ...item.data, status: own.status, isDemo: own.isDemo, ...(homeBased ? { homeBased: true } : {}) },
      this.change,
    );
  }

  private async merge(
    other: Place,
    item: MappedPlace,
    reason: string,
    places: PlaceRepository,
  ): Promise<Place | null> {
    if (this.request.duplicates === 'skip') {
      this.duplicate(item, other.id, reason, false);
      return null;
    }
    const merged = fillBlanks(other, item.data);
    const changed = changedFields(other, merged).length > 0;
    this.duplicate(item, other.id, reason, changed);
    return changed
      ? places.update(other.id, merged, { ...this.change, note: `${this.source}: ${reason}` })
      : null;
  }

  private duplicate(item: MappedPlace, placeId: number | null, reason: string, merged: boolean): void {
    this.counts.duplicate++;
    this.duplicates.push({ position: item.position, placeId, reason, merged });
  }

  private reject(position: string, reason: string): void {
    this.counts.invalid++;
    this.invalid.push({ position, reason });
  }
}

// A source's record may rename its place or move it a little, not both at once across the city.
const SAME_SOURCE_MOVE_M = 500;

function plausiblySame(place: Place, keys: MatchKeys): boolean {
  if (namesOf(place).size === 0 || [...namesOf(place)].some((n) => keys.names.has(n))) return true;
  return distanceMeters([place.lon, place.lat], [keys.lon, keys.lat]) <= SAME_SOURCE_MOVE_M;
}

function unique(values: Array<string | null>): string[] {
  return [...new Set(values.filter((v): v is string => Boolean(v)))];
}

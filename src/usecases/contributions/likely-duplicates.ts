import { distanceMeters } from '../../domain/geo.ts';
import { duplicateKeys, namesOf } from '../../domain/places/duplicate-keys.ts';
import type { Place, PlaceData } from '../../domain/places/place.ts';
import type { AppContext } from '../context.ts';

// Wider than an import's 50 m: a person placing a pin by hand is less exact than a source's coordinates.
const SAME_NAME_RADIUS_M = 100;

export interface LikelyDuplicate {
  place: Place;
  reason: 'name' | 'phone' | 'website';
  distanceM: number;
}

/** Places a new suggestion may repeat: the same name within 100 m, the same phone or the same website. */
export async function likelyDuplicates(
  ctx: AppContext,
  data: PlaceData,
  exceptId?: number,
): Promise<LikelyDuplicate[]> {
  const keys = duplicateKeys(data);
  const names = [...namesOf(data)];
  const candidates = await ctx.storage.places.duplicateCandidates({
    nameKeys: names,
    phoneKeys: keys.phone ? [keys.phone] : [],
    websiteKeys: keys.website ? [keys.website] : [],
  });
  const found: { id: number; reason: LikelyDuplicate['reason']; distanceM: number }[] = [];
  for (const c of candidates) {
    if (c.id === exceptId) continue;
    const distanceM = Math.round(distanceMeters([data.lon, data.lat], [c.lon, c.lat]));
    if (keys.phone && c.phoneKey === keys.phone) found.push({ id: c.id, reason: 'phone', distanceM });
    else if (keys.website && c.websiteKey === keys.website)
      found.push({ id: c.id, reason: 'website', distanceM });
    else if (c.nameKey && names.includes(c.nameKey) && distanceM <= SAME_NAME_RADIUS_M)
      found.push({ id: c.id, reason: 'name', distanceM });
  }
  const places = new Map((await ctx.storage.places.getMany(found.map((f) => f.id))).map((p) => [p.id, p]));
  return found.flatMap((f) => {
    const place = places.get(f.id);
    return place && place.status !== 'deleted' ? [{ place, reason: f.reason, distanceM: f.distanceM }] : [];
  });
}

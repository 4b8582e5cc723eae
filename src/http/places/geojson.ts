import type { PlaceView } from '../../usecases/present-place.ts';

/** A place view as a GeoJSON Feature with the public property names (snake_case, stable). */
export function placeFeature(view: PlaceView, distanceM?: number) {
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    type: 'Feature' as const,
    id: view.id,
    geometry: { type: 'Point' as const, coordinates: [view.lon, view.lat] },
    properties: {
      id: view.id,
      name: view.name,
      url: view.path,
      category: view.category,
      category_name: view.categoryName,
      categories: view.categories,
      color: view.categoryColor,
      city: view.city,
      city_name: view.cityName,
      neighbourhood: view.neighbourhood,
      neighbourhood_name: view.neighbourhoodName,
      address: view.address,
      description: view.description,
      languages: view.languages,
      hours: view.hours,
      ...(view.openNow !== null ? { open_now: view.openNow } : {}),
      ...(view.nextChange
        ? {
            next_change: {
              at: `${pad(view.nextChange.hour)}:${pad(view.nextChange.minute)}`,
              days_ahead: view.nextChange.daysAhead,
              weekday: view.nextChange.weekday,
            },
          }
        : {}),
      contacts: view.contacts,
      tags: view.tags,
      status: view.status,
      is_demo: view.isDemo,
      ...(view.homeBased ? { home_based: true } : {}),
      ...(view.localsWelcome ? { locals_welcome: true } : {}),
      ...(view.opened ? { opened: view.opened } : {}),
      source: view.source,
      ...(view.sourceId ? { source_id: view.sourceId } : {}),
      ...(distanceM !== undefined ? { distance_m: distanceM } : {}),
      names: view.names as Record<string, string>,
      descriptions: view.descriptions as Record<string, string>,
      created_at: view.createdAt,
      updated_at: view.updatedAt,
    },
  };
}

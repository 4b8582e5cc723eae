import type { City } from '../taxonomy.ts';

export function cityBySlug(cities: readonly City[], slug: string): City | undefined {
  return cities.find((city) => city.slug === slug);
}

/**
 * The city whose bounds hold the point, then the neighbourhood with the nearest centre (a Voronoi
 * approximation of real borders). Null when the point is in no city or the city has no neighbourhoods.
 */
export function neighbourhoodOf(
  cities: readonly City[],
  lon: number,
  lat: number,
): { city: string; neighbourhood: string } | null {
  let bestCity = '';
  let bestHood = '';
  let bestDistance = Number.POSITIVE_INFINITY;
  // Within a city, squared equirectangular distance ranks centres exactly enough and stays cheap.
  const cosLat = Math.cos((lat * Math.PI) / 180);
  for (const city of cities) {
    const [minLon, minLat, maxLon, maxLat] = city.bounds;
    if (lon < minLon || lon > maxLon || lat < minLat || lat > maxLat) continue;
    for (const hood of city.neighbourhoods) {
      const dx = (hood.centre[0] - lon) * cosLat;
      const dy = hood.centre[1] - lat;
      const distance = dx * dx + dy * dy;
      if (distance < bestDistance) {
        bestDistance = distance;
        bestCity = city.slug;
        bestHood = hood.slug;
      }
    }
  }
  return bestHood === '' ? null : { city: bestCity, neighbourhood: bestHood };
}

import { SEED_CATEGORIES } from '../domain/taxonomy/categories-data.ts';
import { SEED_CITIES } from '../domain/taxonomy/cities-data.ts';
import type { Storage } from '../storage/repositories.ts';

/**
 * Seeds the category taxonomy and the cities on a new database. Seeds only what is missing, so edits an
 * operator made to existing categories or cities are never overwritten.
 */
export async function seedTaxonomy(storage: Storage): Promise<{ categories: number; cities: number }> {
  const existingCategories = new Set((await storage.taxonomy.categories()).map((c) => c.slug));
  const existingCities = new Set((await storage.taxonomy.cities()).map((c) => c.slug));
  // Groups before their children: the parent column is a foreign key.
  const ordered = [...SEED_CATEGORIES].sort((a, b) => Number(a.parent !== null) - Number(b.parent !== null));
  let categories = 0;
  for (const category of ordered) {
    if (existingCategories.has(category.slug)) continue;
    await storage.taxonomy.upsertCategory(category);
    categories++;
  }
  let cities = 0;
  for (const city of SEED_CITIES) {
    if (existingCities.has(city.slug)) continue;
    await storage.taxonomy.upsertCity(city);
    cities++;
  }
  return { categories, cities };
}

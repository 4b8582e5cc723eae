import type { Category, City, Neighbourhood } from '../domain/taxonomy.ts';
import type { Storage } from '../storage/repositories.ts';

/** The category tree and the cities, read once and looked up by slug; reloaded when an admin edits them. */
export class Taxonomy {
  private categoriesBySlug = new Map<string, Category>();
  private citiesBySlug = new Map<string, City>();
  private neighbourhoodsBySlug = new Map<string, Neighbourhood>();
  categories: Category[] = [];
  cities: City[] = [];

  static async load(storage: Storage): Promise<Taxonomy> {
    const taxonomy = new Taxonomy();
    taxonomy.set(await storage.taxonomy.categories(), await storage.taxonomy.cities());
    return taxonomy;
  }

  set(categories: Category[], cities: City[]): void {
    this.categories = [...categories].sort((a, b) => a.sort - b.sort);
    this.cities = cities;
    this.categoriesBySlug = new Map(categories.map((c) => [c.slug, c]));
    this.citiesBySlug = new Map(cities.map((c) => [c.slug, c]));
    this.neighbourhoodsBySlug = new Map(
      cities.flatMap((c) => c.neighbourhoods.map((n) => [n.slug, n] as const)),
    );
  }

  category(slug: string): Category | undefined {
    return this.categoriesBySlug.get(slug);
  }
  city(slug: string): City | undefined {
    return this.citiesBySlug.get(slug);
  }
  neighbourhood(slug: string): Neighbourhood | undefined {
    return this.neighbourhoodsBySlug.get(slug);
  }

  groups(): Category[] {
    return this.categories.filter((c) => c.parent === null);
  }
  childrenOf(group: string): Category[] {
    return this.categories.filter((c) => c.parent === group);
  }

  /** A group slug stands for all its categories; a category slug for itself. Unknown slugs give undefined. */
  expandCategory(slug: string): string[] | undefined {
    const category = this.category(slug);
    if (!category) return undefined;
    return category.parent === null ? [slug, ...this.childrenOf(slug).map((c) => c.slug)] : [slug];
  }
}

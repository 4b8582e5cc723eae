/**
 * OpenStreetMap tags → Kvartal category, most specific first: the first `key=value` (or `key=*`) a
 * feature has wins. Data, not code: extend it as the taxonomy grows.
 */
export const OSM_CATEGORY_TAGS: ReadonlyArray<readonly [tag: string, category: string]> = [
  ['amenity=cafe', 'cafe'],
  ['shop=coffee', 'cafe'],
  ['amenity=ice_cream', 'cafe'],
  ['amenity=restaurant', 'restaurant'],
  ['amenity=fast_food', 'restaurant'],
  ['amenity=food_court', 'restaurant'],
  ['shop=bakery', 'bakery'],
  ['shop=pastry', 'bakery'],
  ['shop=confectionery', 'bakery'],
  ['amenity=bar', 'bar'],
  ['amenity=pub', 'bar'],
  ['amenity=biergarten', 'bar'],
  ['amenity=nightclub', 'club'],
  ['shop=supermarket', 'supermarket'],
  ['shop=convenience', 'supermarket'],
  ['shop=greengrocer', 'supermarket'],
  ['shop=deli', 'supermarket'],
  ['shop=books', 'bookstore'],
  ['amenity=kindergarten', 'kindergarten'],
  ['amenity=childcare', 'kindergarten'],
  ['amenity=school', 'school'],
  ['amenity=language_school', 'school'],
  ['amenity=music_school', 'kids-clubs'],
  ['leisure=playground', 'kids-clubs'],
  ['shop=hairdresser', 'hair-salon'],
  ['shop=beauty', 'cosmetology'],
  ['beauty=nails', 'nails'],
  ['shop=cosmetics', 'cosmetology'],
  ['amenity=dentist', 'dentist'],
  ['healthcare=dentist', 'dentist'],
  ['healthcare=psychotherapist', 'psychologist'],
  ['healthcare:speciality=psychiatry', 'psychologist'],
  ['amenity=pharmacy', 'pharmacy'],
  ['healthcare=pharmacy', 'pharmacy'],
  ['amenity=doctors', 'doctor'],
  ['amenity=clinic', 'doctor'],
  ['healthcare=*', 'doctor'],
  ['office=it', 'it-internet'],
  ['shop=computer', 'it-internet'],
  ['shop=mobile_phone', 'it-internet'],
  ['office=telecommunication', 'it-internet'],
  ['office=lawyer', 'legal-residence'],
  ['office=notary', 'legal-residence'],
  ['office=translator', 'translation'],
  ['office=accountant', 'accounting'],
  ['office=tax_advisor', 'accounting'],
  ['office=estate_agent', 'real-estate'],
  ['office=coworking', 'coworking'],
  ['amenity=coworking_space', 'coworking'],
  ['office=association', 'organisation'],
  ['office=ngo', 'organisation'],
  ['amenity=community_centre', 'organisation'],
  ['amenity=social_centre', 'organisation'],
  ['amenity=place_of_worship', 'church'],
  ['tourism=gallery', 'gallery'],
  ['shop=art', 'gallery'],
  ['amenity=arts_centre', 'gallery'],
  ['amenity=theatre', 'theatre'],
  ['amenity=music_venue', 'concert-venue'],
  ['amenity=concert_hall', 'concert-venue'],
  ['leisure=fitness_centre', 'gym'],
  ['leisure=sports_centre', 'sports-school'],
  ['leisure=sports_hall', 'sports-school'],
  ['amenity=dancing_school', 'dance'],
  ['leisure=dance', 'dance'],
  ['craft=*', 'handyman'],
  ['shop=*', 'shop-other'],
  ['cuisine=*', 'restaurant'],
];

// Split once: an import asks for every unknown field of every record.
const SPLIT_TAGS = OSM_CATEGORY_TAGS.map(([tag, category]) => {
  const [key = '', value] = tag.split('=');
  return { key, value, category };
});

/** The Kvartal category an OSM-tagged record names, or undefined when none of its tags is in the table. */
export function categoryFromOsmTags(fields: Readonly<Record<string, string>>): string | undefined {
  for (const { key, value, category } of SPLIT_TAGS) {
    const actual = fields[key];
    if (actual !== undefined && actual !== 'no' && (value === '*' || actual.split(';').includes(value ?? '')))
      return category;
  }
  return undefined;
}

import type { PlaceView } from '../../usecases/present-place.ts';
import type { ContactLink } from '../components/contacts.ts';
import type { ScheduleDay } from '../components/hours.ts';
import { richTextToPlain } from '../components/rich-text.ts';

const SCHEMA_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * schema.org LocalBusiness for search engines; hours come from the same weekly schedule the page shows.
 * It never names the phone number or e-mail address, even on a page where the visitor asked to see them:
 * structured data is the easiest thing on a page for a harvester to read, and a person has the page itself.
 */
export function placeJsonLd(
  view: PlaceView,
  url: string,
  otherNames: string[],
  contacts: ContactLink[],
  schedule: ScheduleDay[] | null,
): Record<string, unknown> {
  const contact = (kind: ContactLink['kind']) => contacts.find((c) => c.kind === kind);
  const sameAs = contacts.filter((c) => c.kind === 'telegram' || c.kind === 'instagram').map((c) => c.href);
  return {
    '@context': 'https://schema.org',
    '@type': 'LocalBusiness',
    '@id': url,
    url,
    name: view.name,
    ...(otherNames.length ? { alternateName: otherNames } : {}),
    ...(view.description ? { description: richTextToPlain(view.description) } : {}),
    address: {
      '@type': 'PostalAddress',
      ...(view.address ? { streetAddress: view.address } : {}),
      addressLocality: view.cityName,
      ...(view.neighbourhoodName ? { addressRegion: view.neighbourhoodName } : {}),
      addressCountry: 'RS',
    },
    geo: { '@type': 'GeoCoordinates', latitude: view.lat, longitude: view.lon },
    ...(contact('website')
      ? { sameAs: [contact('website')?.href, ...sameAs] }
      : sameAs.length
        ? { sameAs }
        : {}),
    ...(view.languages.length ? { knowsLanguage: view.languages } : {}),
    ...(schedule
      ? {
          openingHoursSpecification: schedule.flatMap((day) =>
            day.intervals.map(([opens, closes]) => ({
              '@type': 'OpeningHoursSpecification',
              dayOfWeek: `https://schema.org/${SCHEMA_DAYS[day.weekday]}`,
              opens,
              closes: closes === '24:00' ? '23:59' : closes,
            })),
          ),
        }
      : {}),
  };
}

/** The licence the operator publishes the place data under (`DATA_LICENSE`, an SPDX id), with what it asks of users. */
export interface DataLicence {
  /** SPDX identifier, e.g. `ODbL-1.0`. */
  id: string;
  name: string;
  url: string | null;
  /** Whether users must credit the source (shown with the attribution line on every export). */
  requiresAttribution: boolean;
  /** Whether adapted databases must be shared under the same licence. */
  shareAlike: boolean;
}

const KNOWN: readonly DataLicence[] = [
  {
    id: 'ODbL-1.0',
    name: 'Open Data Commons Open Database License (ODbL) 1.0',
    url: 'https://opendatacommons.org/licenses/odbl/1-0/',
    requiresAttribution: true,
    shareAlike: true,
  },
  {
    id: 'CC-BY-4.0',
    name: 'Creative Commons Attribution 4.0 International',
    url: 'https://creativecommons.org/licenses/by/4.0/',
    requiresAttribution: true,
    shareAlike: false,
  },
  {
    id: 'CC-BY-SA-4.0',
    name: 'Creative Commons Attribution-ShareAlike 4.0 International',
    url: 'https://creativecommons.org/licenses/by-sa/4.0/',
    requiresAttribution: true,
    shareAlike: true,
  },
  {
    id: 'CC0-1.0',
    name: 'Creative Commons Zero 1.0 (public domain dedication)',
    url: 'https://creativecommons.org/publicdomain/zero/1.0/',
    requiresAttribution: false,
    shareAlike: false,
  },
  {
    id: 'PDDL-1.0',
    name: 'Open Data Commons Public Domain Dedication and License 1.0',
    url: 'https://opendatacommons.org/licenses/pddl/1-0/',
    requiresAttribution: false,
    shareAlike: false,
  },
  {
    id: 'ODC-By-1.0',
    name: 'Open Data Commons Attribution License 1.0',
    url: 'https://opendatacommons.org/licenses/by/1-0/',
    requiresAttribution: true,
    shareAlike: false,
  },
];

export const DEFAULT_DATA_LICENCE = 'ODbL-1.0';

/** The licence for an SPDX id (case-insensitive); an id this list does not know is published as given. */
export function dataLicence(id: string = DEFAULT_DATA_LICENCE): DataLicence {
  const known = KNOWN.find((l) => l.id.toLowerCase() === id.trim().toLowerCase());
  return known ?? { id: id.trim(), name: id.trim(), url: null, requiresAttribution: true, shareAlike: false };
}

/** The one line every export carries: what the data is, whose it is, and under which licence. */
export function attributionLine(licence: DataLicence, siteName: string, siteUrl: string | null): string {
  const source = siteUrl ? `${siteName} (${siteUrl})` : siteName;
  const terms = licence.url ? `${licence.name}, ${licence.url}` : licence.name;
  return `Place data © ${source} contributors, published under the ${terms}.`;
}

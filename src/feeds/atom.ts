/**
 * Atom 1.0 documents (RFC 4287), written by hand: the format is small, and a writer that escapes every
 * value in one place is easier to trust than string templates scattered over the routes.
 */

export interface AtomCategory {
  term: string;
  label?: string;
}

export interface AtomEntry {
  /** Permanent and unique (RFC 4287 §4.2.6): a feed reader shows an entry again when its id changes. */
  id: string;
  title: string;
  /** The entry's page (rel=alternate). */
  link: string;
  updated: string;
  published: string;
  /** Plain text; line breaks are kept. */
  summary: string;
  categories: AtomCategory[];
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  /** The language of the feed's texts (xml:lang). */
  lang: string;
  /** When empty, the feed's own `updated` falls back to this. */
  now: Date;
  selfUrl: string;
  alternateUrl: string;
  author: { name: string; uri: string };
  generator: { name: string; version?: string };
  entries: AtomEntry[];
}

// XML 1.0 allows no other control characters, not even escaped, and no unpaired surrogates or U+FFFE/U+FFFF:
// a pasted name with one of them would make the whole feed unreadable.
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these characters are what the pattern removes
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeText(value: string): string {
  return value.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;');
}

type Attributes = Record<string, string | undefined>;

function open(name: string, attributes: Attributes): string {
  const attrs = Object.entries(attributes)
    .filter((pair): pair is [string, string] => pair[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`)
    .join('');
  return `<${name}${attrs}`;
}

/** An element with text content (escaped here). */
function text(name: string, value: string, attributes: Attributes = {}): string {
  return `${open(name, attributes)}>${escapeText(value)}</${name}>`;
}

function empty(name: string, attributes: Attributes): string {
  return `${open(name, attributes)}/>`;
}

/** RFC 3339 in UTC, whatever form the stored timestamp has. */
export function rfc3339(value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new Error(`not a timestamp: ${String(value)}`);
  return date.toISOString();
}

// title, subtitle and summary are plain text, Atom's default type (§3.1.1): no type attribute needed.
function entry(e: AtomEntry): string {
  return [
    '<entry>',
    text('id', e.id),
    text('title', e.title),
    empty('link', { rel: 'alternate', type: 'text/html', href: e.link }),
    text('published', rfc3339(e.published)),
    text('updated', rfc3339(e.updated)),
    text('summary', e.summary),
    ...e.categories.map((c) => empty('category', { term: c.term, label: c.label })),
    '</entry>',
  ].join('\n');
}

/** The feed's `updated` is its most recently changed entry's, so an unchanged feed stays byte-identical. */
function feedUpdated(feed: AtomFeed): string {
  let latest: Date | null = null;
  for (const e of feed.entries) {
    const at = new Date(e.updated);
    if (!latest || at > latest) latest = at;
  }
  return rfc3339(latest ?? feed.now);
}

export function atomFeed(feed: AtomFeed): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `${open('feed', { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': feed.lang })}>`,
    text('id', feed.id),
    text('title', feed.title),
    ...(feed.subtitle ? [text('subtitle', feed.subtitle)] : []),
    text('updated', feedUpdated(feed)),
    empty('link', { rel: 'self', type: 'application/atom+xml', href: feed.selfUrl }),
    empty('link', { rel: 'alternate', type: 'text/html', href: feed.alternateUrl }),
    `<author>${text('name', feed.author.name)}${text('uri', feed.author.uri)}</author>`,
    text('generator', feed.generator.name, { version: feed.generator.version }),
    ...feed.entries.map(entry),
    '</feed>',
    '',
  ].join('\n');
}

// A tag URI names a date on which its authority owned the name (RFC 4151). It is fixed for good: changing it
// would change every id, and readers would show every entry again.
const TAG_YEAR = '2026';

/** `tag:kvartal.example,2026:place:12`: an id that survives renames and a change of the site's scheme. */
export function tagUri(host: string, specific: string): string {
  return `tag:${host},${TAG_YEAR}:${specific}`;
}

import TurndownService from 'turndown';

/**
 * Descriptions in My Maps exports (and other KML) are HTML: `<br>`, links, sometimes images, now and then a
 * `<script>`. Kvartal keeps them as plain text with Markdown-style links, so nothing in an import is ever
 * rendered as markup. The result still has to be escaped when it is put into a page.
 */

/** Link targets kept as links; anything else (javascript:, data:, relative paths) keeps only its text. */
const SAFE_LINK = /^(https?:\/\/|mailto:|tel:)/i;

/** A tag or comment: the text is HTML. `[^<>]` keeps the scan linear on a run of unclosed `<a`. */
const LOOKS_LIKE_HTML = /<\/?[a-zA-Z][^<>]*>|<!--/;

const turndown = new TurndownService({ headingStyle: 'atx', bulletListMarker: '-', br: '  ' });

// Place pages show descriptions as a small Markdown subset (web/components/rich-text.ts), yet most imported
// text is plain: escaping every `1.`, `*` and `_` would put backslashes into the API and the exports, while a
// stray `*` seldom finds a partner. So they stay as people wrote them.
turndown.escape = (text) => text;

// Added rules take precedence over turndown's own (its image rule would otherwise win over remove()).
turndown.addRule('hidden', {
  filter: ['script', 'style', 'iframe', 'noscript', 'object', 'embed', 'template'],
  replacement: () => '',
});
// The image URL is in gx_media_links already.
turndown.addRule('image', { filter: 'img', replacement: () => '' });
turndown.addRule('link', {
  filter: 'a',
  replacement: (content, node) => {
    const href = (node as HTMLElement).getAttribute('href')?.trim() ?? '';
    const text = content.trim();
    if (!SAFE_LINK.test(href)) return content;
    const url = href.replace(
      /[\s()<>]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
    );
    return text ? `[${text}](${url})` : url;
  },
});
// Plain text is read as the content of a <pre>: the same parser decodes its entities, every space stays.
turndown.addRule('plain', {
  filter: (node) => node.nodeName === 'PRE' && node.hasAttribute('data-plain'),
  replacement: (_content, node) => node.textContent ?? '',
});

/** HTML (or plain text) as trimmed plain text with `[text](url)` links and at most one blank line in a row. */
export function htmlToText(html: string): string {
  const text = LOOKS_LIKE_HTML.test(html)
    ? turndown.turndown(html)
    : html.includes('&')
      ? // No tags, so every `<` is a literal character; only entities are decoded.
        turndown.turndown(`<pre data-plain>${html.replace(/</g, '&lt;')}</pre>`)
      : html; // nothing to decode (and most descriptions are like this: skip the HTML parser)
  // Line by line rather than /[ \t]+$/gm, which is quadratic on a long run of spaces inside a line.
  const lines = text.replace(/\u00a0/g, ' ').split(/\r\n?|\n/);
  return lines
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

import sanitizeHtml from 'sanitize-html';
import { escapeHtml, raw, type SafeHtml } from '../html.ts';
import { type Block, type Inline, parseRichText, WORD_CHAR } from './markdown-subset.ts';

/**
 * Place descriptions, written in a small Markdown subset (markdown-subset.ts), as HTML for the place page and
 * as plain text for previews. Nothing but the subset is markup: HTML, code and quotes stay the text they were
 * typed as; an image becomes a link to it (the page never loads anything from another host); a `#` heading
 * becomes a bold paragraph, because the place page's own headings give the structure.
 *
 * HTML is written only from the parsed tree, every text and every address through `escapeHtml`. (Escaping the
 * source first and recognising Markdown in the escaped text would mean un-escaping each link address again
 * to check its scheme, the step where mistakes let markup through.) sanitize-html with an explicit
 * allow-list is the last step all the same.
 *
 * Server-side only: sanitize-html is too large for the browser bundle, and no browser code needs it.
 */

export const LINK_REL = 'nofollow ugc noopener';

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'a'],
  allowedAttributes: { a: ['href', 'rel'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // Anything else would be a bug in blocksToHtml: shown as text, never dropped silently.
  disallowedTagsMode: 'escape',
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: LINK_REL }) },
};

/** The description as HTML for the place page. */
export function richText(source: string): SafeHtml {
  return raw(sanitizeRichHtml(blocksToHtml(parseRichText(source))));
}

/** The last step: only the subset's elements, links only to http, https and mailto, always with `rel`. */
export function sanitizeRichHtml(markup: string): string {
  return sanitizeHtml(markup, ALLOWED);
}

/** The description as plain text (no Markdown markers), one line per line break or list item. */
export function richTextToPlain(source: string): string {
  return parseRichText(source)
    .map((block) =>
      block.kind === 'paragraph'
        ? inlinesToPlain(block.children)
        : block.items.map((item) => inlinesToPlain(item)).join('\n'),
    )
    .join('\n\n');
}

/** One line of plain text at most `maxLength` long, cut at a word with "…": for meta tags and previews. */
export function richTextPreview(source: string, maxLength: number): string {
  const text = richTextToPlain(source).replace(/\s+/g, ' ').trim();
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength - 1);
  // The cut keeps a word only when the word ends there.
  const atWord = WORD_CHAR.test(text[maxLength - 1] ?? '') ? cut.replace(/\s+\S*$/, '') : cut.trimEnd();
  return `${atWord.length > maxLength / 2 ? atWord : cut}…`;
}

// Output -----------------------------------------------------------------------------------------------

function blocksToHtml(blocks: Block[]): string {
  return blocks
    .map((block) => {
      if (block.kind === 'paragraph') return `<p>${inlinesToHtml(block.children)}</p>`;
      const items = block.items.map((item) => `<li>${inlinesToHtml(item)}</li>`).join('');
      if (!block.ordered) return `<ul>${items}</ul>`;
      return block.start === 1 ? `<ol>${items}</ol>` : `<ol start="${block.start}">${items}</ol>`;
    })
    .join('\n');
}

function inlinesToHtml(nodes: Inline[]): string {
  return nodes
    .map((node) => {
      switch (node.kind) {
        case 'text':
          return escapeHtml(node.text);
        case 'break':
          return '<br>';
        case 'strong':
          return `<strong>${inlinesToHtml(node.children)}</strong>`;
        case 'em':
          return `<em>${inlinesToHtml(node.children)}</em>`;
        default:
          return `<a href="${escapeHtml(node.href)}" rel="${LINK_REL}">${inlinesToHtml(node.children)}</a>`;
      }
    })
    .join('');
}

function inlinesToPlain(nodes: Inline[]): string {
  return nodes
    .map((node) => {
      switch (node.kind) {
        case 'text':
          return node.text;
        case 'break':
          return '\n';
        default:
          return inlinesToPlain(node.children);
      }
    })
    .join('');
}

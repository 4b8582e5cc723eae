/**
 * The Markdown subset of place descriptions, read into a tree (see rich-text.ts for how it is shown):
 * paragraphs, line breaks, `**bold**`, `*italic*`, `-`/`1.` lists, `[text](url)`, `<url>` and bare
 * http(s)/mailto addresses. Everything else is text. Link addresses are checked here: a link that is not
 * http, https or mailto keeps only its text.
 *
 * Small and self-made because no Markdown renderer is installed; a maintained one (micromark, markdown-it)
 * would be preferable.
 */

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'break' }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'em'; children: Inline[] }
  | { kind: 'link'; href: string; children: Inline[] };

export type Block =
  | { kind: 'paragraph'; children: Inline[] }
  | { kind: 'list'; ordered: boolean; start: number; items: Inline[][] };

const BLANK = /^\s*$/;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]+(.*))?$/;
const BULLET = /^[ \t]*[-*+][ \t]+(.*)$/;
const NUMBERED = /^[ \t]*(\d{1,9})[.)][ \t]+(.*)$/;

export function parseRichText(source: string): Block[] {
  const reader = new BlockReader();
  for (const line of source.replace(/\r\n?/g, '\n').split('\n')) reader.read(line);
  return reader.end();
}

/** Reads line by line; a paragraph or list stays open until a blank line or another kind of block. */
class BlockReader {
  private readonly blocks: Block[] = [];
  /** Lines of the open paragraph. */
  private lines: string[] = [];
  /** The open list; each item's lines. */
  private list: { ordered: boolean; start: number; items: string[][] } | null = null;

  read(line: string): void {
    if (BLANK.test(line)) {
      this.closeAll();
      return;
    }
    const heading = HEADING.exec(line);
    const bullet = BULLET.exec(line);
    const numbered = NUMBERED.exec(line);
    if (heading) {
      this.closeAll();
      const text = parseInline(withoutClosingHashes((heading[1] ?? '').trim()));
      if (text.length)
        this.blocks.push({ kind: 'paragraph', children: [{ kind: 'strong', children: text }] });
    } else if (bullet) {
      this.addItem(false, 1, bullet[1] ?? '');
    } else if (numbered && (this.list || !this.lines.length || numbered[1] === '1')) {
      // Only "1." may interrupt a paragraph, so a line such as "2024. godine…" stays a sentence.
      this.addItem(true, Number(numbered[1]), numbered[2] ?? '');
    } else if (this.list) {
      // A line after an item belongs to it (indented or not), after a line break.
      this.list.items.at(-1)?.push(line.trim());
    } else {
      this.lines.push(line.trim());
    }
  }

  end(): Block[] {
    this.closeAll();
    return this.blocks;
  }

  private addItem(ordered: boolean, start: number, text: string): void {
    this.closeParagraph();
    if (this.list?.ordered !== ordered) this.closeList();
    this.list ??= { ordered, start, items: [] };
    this.list.items.push([text]);
  }

  private closeAll(): void {
    this.closeParagraph();
    this.closeList();
  }

  private closeParagraph(): void {
    if (this.lines.length)
      this.blocks.push({ kind: 'paragraph', children: parseInline(this.lines.join('\n')) });
    this.lines = [];
  }

  private closeList(): void {
    if (this.list) {
      const { ordered, start, items } = this.list;
      const parsed = items.map((lines) => parseInline(lines.join('\n')));
      this.blocks.push({ kind: 'list', ordered, start, items: parsed });
    }
    this.list = null;
  }
}

/** "Menu ##" → "Menu": a closing run of `#` is not part of a heading's text; "C#" keeps its `#`. */
function withoutClosingHashes(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  return end === 0 || /\s/.test(text[end - 1] ?? '') ? text.slice(0, end).trim() : text;
}

const ESCAPABLE = /[!-/:-@[-`{-~]/;
export const WORD_CHAR = /[\p{L}\p{N}]/u;
const BARE_URL = /^(?:https?:\/\/|mailto:)[^\s<>"]+/i;
const TRAILING_PUNCTUATION = /[.,:;!?'"*_]+$/;

interface Span {
  nodes: Inline[];
  end: number;
}

/**
 * Inline Markdown in `text`: backslash escapes, links, autolinks, `***`, `**`/`__`, `*`/`_`. Link texts
 * are read without links (no link inside a link).
 */
export function parseInline(text: string, links = true): Inline[] {
  const out: Inline[] = [];
  let buffer = '';
  // Delimiters already known to have no closer in the rest of the text: each is searched for once.
  const unclosed = new Set<string>();
  const flush = () => {
    if (buffer) out.push({ kind: 'text', text: buffer });
    buffer = '';
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    const next = text[i + 1] ?? '';
    if (ch === '\\' && ESCAPABLE.test(next)) {
      buffer += next;
      i += 2;
      continue;
    }
    if (ch === '\n') {
      flush();
      out.push({ kind: 'break' });
      i++;
      continue;
    }
    // An image (`![text](url)`) would be a request to another host: it becomes a link to the image.
    const image = links && ch === '!' && next === '[' ? inlineLink(text, i + 1) : null;
    const span = image ?? (links ? linkAt(text, i) : null) ?? emphasisAt(text, i, links, unclosed);
    if (span) {
      flush();
      out.push(...span.nodes);
      i = span.end;
      continue;
    }
    // A run of `*` or `_` that opens nothing is text as a whole, so a long run is looked at once.
    const literal = ch === '*' || ch === '_' ? runLength(text, i) : 1;
    buffer += text.slice(i, i + literal);
    i += literal;
  }
  flush();
  return out;
}

/** A `[text](url)`, `<url>` or bare http(s)/mailto address starting at `i`. */
function linkAt(text: string, i: number): Span | null {
  const ch = text[i];
  if (ch === '[') return inlineLink(text, i);
  if (ch === '<') {
    const match = /^<((?:https?:\/\/|mailto:)[^\s<>]*)>/i.exec(text.slice(i, i + 2100));
    const href = match?.[1] ? safeHref(match[1]) : null;
    if (!match || !href) return null;
    return { nodes: [linkNode(href, match[1] ?? '')], end: i + match[0].length };
  }
  if ((ch === 'h' || ch === 'H' || ch === 'm' || ch === 'M') && !WORD_CHAR.test(text[i - 1] ?? ' ')) {
    const match = BARE_URL.exec(text.slice(i, i + 2100));
    if (!match) return null;
    const written = trimUrl(match[0]);
    const href = safeHref(written);
    return href ? { nodes: [linkNode(href, written)], end: i + written.length } : null;
  }
  return null;
}

function linkNode(href: string, written: string): Inline {
  return { kind: 'link', href, children: [{ kind: 'text', text: written.replace(/^mailto:/i, '') }] };
}

/** Trailing punctuation ends a sentence, not the address; a `)` only when the address opened none. */
function trimUrl(url: string): string {
  let out = url.replace(TRAILING_PUNCTUATION, '');
  while (out.endsWith(')') && count(out, ')') > count(out, '(')) {
    out = out.slice(0, -1).replace(TRAILING_PUNCTUATION, '');
  }
  return out;
}

function count(text: string, ch: string): number {
  return text.split(ch).length - 1;
}

/**
 * `[text](url)`. An address that is not http, https or mailto (javascript:, data:, a relative path) keeps
 * only its text, as imports do.
 */
function inlineLink(text: string, i: number): Span | null {
  let close = i;
  do {
    close = text.indexOf(']', close + 1);
  } while (close > 0 && text[close - 1] === '\\');
  if (close < 0 || text[close + 1] !== '(') return null;
  const target = /^\(\s*(?:<([^<>\n]*)>|((?:[^\s()\\]|\\.|\([^\s()]*\))*))\s*\)/.exec(
    text.slice(close + 1, close + 2100),
  );
  if (!target) return null;
  const children = parseInline(text.slice(i + 1, close), false);
  const href = safeHref((target[1] ?? target[2] ?? '').replace(/\\([!-/:-@[-`{-~])/g, '$1'));
  return {
    nodes: href ? [{ kind: 'link', href, children }] : children,
    end: close + 1 + target[0].length,
  };
}

/** The address as the browser will read it, when it is http(s) with a host or mailto with an address. */
export function safeHref(written: string): string | null {
  const text = written.trim();
  // Checked on the text as written, before URL parsing forgives leading spaces or control characters.
  if (!/^(?:https?:\/\/[^\s/?#]|mailto:[^\s@]+@)/i.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol === 'mailto:') return url.href;
  if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname) return url.href;
  return null;
}

const DELIMITERS: ReadonlyArray<{ marker: string; wrap(children: Inline[]): Inline }> = [
  { marker: '***', wrap: (children) => ({ kind: 'strong', children: [{ kind: 'em', children }] }) },
  { marker: '___', wrap: (children) => ({ kind: 'strong', children: [{ kind: 'em', children }] }) },
  { marker: '**', wrap: (children) => ({ kind: 'strong', children }) },
  { marker: '__', wrap: (children) => ({ kind: 'strong', children }) },
  { marker: '*', wrap: (children) => ({ kind: 'em', children }) },
  { marker: '_', wrap: (children) => ({ kind: 'em', children }) },
];

/** Emphasis opening at `i`: a run of one to three `*` or `_`, closed by a run of the same length. */
function emphasisAt(text: string, i: number, links: boolean, unclosed: Set<string>): Span | null {
  const ch = text[i];
  if (ch !== '*' && ch !== '_') return null;
  const delimiter = DELIMITERS.find((d) => d.marker === ch.repeat(runLength(text, i)));
  if (!delimiter || unclosed.has(delimiter.marker)) return null;
  const { marker, wrap } = delimiter;
  // `_` inside a word (snake_case, URLs written without a link) is not emphasis, nor a marker before a space.
  if (ch === '_' && WORD_CHAR.test(text[i - 1] ?? ' ')) return null;
  if (/\s/.test(text[i + marker.length] ?? ' ')) return null;
  const close = closerOf(text, i + marker.length, marker, links);
  if (close < 0) {
    unclosed.add(marker);
    return null;
  }
  const children = parseInline(text.slice(i + marker.length, close), links);
  return { nodes: [wrap(children)], end: close + marker.length };
}

function runLength(text: string, i: number): number {
  let end = i;
  while (text[end] === text[i]) end++;
  return end - i;
}

/** Where `marker` closes, skipping escapes, links and runs of another length; -1 when it never does. */
function closerOf(text: string, from: number, marker: string, links: boolean): number {
  const ch = marker[0] ?? '';
  let j = from;
  while (j < text.length) {
    const c = text[j];
    if (c === '\\') {
      j += 2;
      continue;
    }
    const link = links ? linkAt(text, j) : null;
    if (link) {
      j = link.end;
      continue;
    }
    if (c === ch) {
      const run = runLength(text, j);
      const before = text[j - 1] ?? ' ';
      const after = text[j + run] ?? ' ';
      const closes =
        run === marker.length && j > from && !/\s/.test(before) && (ch === '*' || !WORD_CHAR.test(after));
      if (closes) return j;
      j += run;
      continue;
    }
    j++;
  }
  return -1;
}

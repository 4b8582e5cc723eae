import { describe, expect, it } from 'vitest';
import { safeHref } from '../../src/web/components/markdown-subset.ts';
import {
  richText,
  richTextPreview,
  richTextToPlain,
  sanitizeRichHtml,
} from '../../src/web/components/rich-text.ts';

const render = (source: string) => richText(source).value;
const REL = 'rel="nofollow ugc noopener"';
const ALLOWED_TAGS = new Set(['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'a']);

/** Every tag and attribute in the output, to compare with what the subset allows. */
function markupOf(html: string): { tags: string[]; attributes: string[] } {
  const tags = [...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => (m[1] ?? '').toLowerCase());
  const attributes = [...html.matchAll(/<[a-zA-Z][^>]*>/g)].flatMap((m) =>
    [...m[0].matchAll(/\s([^\s=>/]+)=/g)].map((a) => a[1] ?? ''),
  );
  return { tags, attributes };
}

describe('descriptions as a Markdown subset', () => {
  it('makes paragraphs of blank-line-separated text and line breaks of single newlines', () => {
    expect(render('First line\nsecond line\n\n\nNext paragraph')).toBe(
      '<p>First line<br />second line</p>\n<p>Next paragraph</p>',
    );
    expect(render('Windows\r\nline ends')).toBe('<p>Windows<br />line ends</p>');
    expect(render('   \n\n  ')).toBe('');
  });

  it('reads **bold**, *italic*, __bold__, _italic_ and ***both***, but not snake_case or a lone star', () => {
    expect(render('**Fresh** bread, *every* day')).toBe(
      '<p><strong>Fresh</strong> bread, <em>every</em> day</p>',
    );
    expect(render('__Fresh__ _bread_ ***now***')).toBe(
      '<p><strong>Fresh</strong> <em>bread</em> <strong><em>now</em></strong></p>',
    );
    expect(render('*a **b** c*')).toBe('<p><em>a <strong>b</strong> c</em></p>');
    expect(render('file_name_here and 2 * 3 * 4')).toBe('<p>file_name_here and 2 * 3 * 4</p>');
    expect(render('**never closed and *this* one')).toBe('<p>**never closed and <em>this</em> one</p>');
    expect(render('\\*not italic\\*')).toBe('<p>*not italic*</p>');
  });

  it('makes bulleted and numbered lists; a line under an item continues it', () => {
    expect(render('Menu:\n- coffee\n* tea\n  with milk\n+ cake')).toBe(
      '<p>Menu:</p>\n<ul><li>coffee</li><li>tea<br />with milk</li><li>cake</li></ul>',
    );
    expect(render('1. order\n2. pay\n\n3) wait')).toBe(
      '<ol><li>order</li><li>pay</li></ol>\n<ol start="3"><li>wait</li></ol>',
    );
    expect(render('- one\n1. two')).toBe('<ul><li>one</li></ul>\n<ol><li>two</li></ol>');
  });

  it('keeps a date or a year at the start of a line as text inside a paragraph', () => {
    expect(render('Otvoreno od\n2024. godine')).toBe('<p>Otvoreno od<br />2024. godine</p>');
    expect(render('Radimo od 1. maja')).toBe('<p>Radimo od 1. maja</p>');
  });

  it('turns headings into bold paragraphs: the page has its own heading structure', () => {
    expect(render('# Big\n## Menu ##\n###### C#')).toBe(
      '<p><strong>Big</strong></p>\n<p><strong>Menu</strong></p>\n<p><strong>C#</strong></p>',
    );
    expect(render('#hashtag')).toBe('<p>#hashtag</p>');
    expect(render('# Big')).not.toMatch(/<h\d/);
  });

  it('links http, https and mailto addresses, in brackets, angle brackets or bare', () => {
    expect(render('[Our site](https://example.org/menu?a=1&b=2)')).toBe(
      `<p><a href="https://example.org/menu?a=1&amp;b=2" ${REL}>Our site</a></p>`,
    );
    expect(render('<https://example.org> or <mailto:hi@example.org>')).toBe(
      `<p><a href="https://example.org/" ${REL}>https://example.org</a> or <a href="mailto:hi@example.org" ${REL}>hi@example.org</a></p>`,
    );
    expect(render('See https://example.org/a_(b). Or (http://example.org/x).')).toBe(
      `<p>See <a href="https://example.org/a_(b)" ${REL}>https://example.org/a_(b)</a>. Or (<a href="http://example.org/x" ${REL}>http://example.org/x</a>).</p>`,
    );
    expect(render('[**bold** link](https://example.org)')).toBe(
      `<p><a href="https://example.org/" ${REL}><strong>bold</strong> link</a></p>`,
    );
    expect(render('**https://example.org/a*b**')).toBe(
      `<p><strong><a href="https://example.org/a*b" ${REL}>https://example.org/a*b</a></strong></p>`,
    );
  });

  it('keeps only the text of a link to anything else', () => {
    for (const target of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'javascript&#58;alert(1)',
      '&#106;avascript:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html,<script>alert(1)</script>',
      '//evil.example/x',
      '/relative/path',
      'tel:+381641234567',
      'https:evil.example',
      'mailto:',
    ]) {
      const out = render(`[click](${target}) and <${target}>`);
      expect(out, target).not.toContain('<a');
      expect(out, target).toContain('click');
    }
    expect(render('[a [nested](https://a.example)](https://b.example)')).not.toMatch(/<a[^>]*>[^<]*<a/);
  });

  it('never lets markup through: HTML in the text is shown as text', () => {
    const out = render(
      '<script>alert(1)</script> <img src=x onerror=alert(1)> <a href="javascript:alert(1)">x</a> <svg onload=alert(1)>',
    );
    expect(markupOf(out).tags).toEqual(['p', 'p']);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(render('[x](https://a.example/"onmouseover="alert(1))')).toBe(
      `<p><a href="https://a.example/%22onmouseover=%22alert(1)" ${REL}>x</a></p>`,
    );
    const quoted = render('[x](<https://a.example/ "onmouseover=alert(1)>)');
    expect(markupOf(quoted).attributes).toEqual(['href', 'rel']);
    expect(quoted).toContain('href="https://a.example/%20%22onmouseover=alert(1)"');
  });

  it('shows an image as a link, never as an image: an image would be a request to another host', () => {
    const out = render('![logo](https://tracker.example/pixel.png)');
    expect(out).not.toContain('<img');
    expect(out).toBe(`<p><a href="https://tracker.example/pixel.png" ${REL}>logo</a></p>`);
    expect(render('![x](javascript:alert(1)) Wow!')).toBe('<p>x Wow!</p>');
  });

  it('writes only the subset’s elements and safe links, whatever the input (random inputs)', () => {
    const pieces = ['*', '**', '_', '[', ']', '(', ')', '<', '>', '\\', 'a', ' ', 'https://x.example/'];
    pieces.push('mailto:a@b.example', '\n', '\n\n', '# ', '- ', '1. ', '"', "'", 'javascript:', '&', '`');
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let run = 0; run < 200; run++) {
      let source = '';
      while (source.length < 600) source += pieces[Math.floor(random() * pieces.length)];
      const out = render(source);
      const { tags, attributes } = markupOf(out);
      expect(
        tags.filter((tag) => !ALLOWED_TAGS.has(tag)),
        source,
      ).toEqual([]);
      expect(
        attributes.filter((name) => !['href', 'rel', 'start'].includes(name)),
        source,
      ).toEqual([]);
      for (const [, href] of out.matchAll(/href="([^"]*)"/g))
        expect(href, source).toMatch(/^(https?:|mailto:)/);
    }
  });

  it('stays fast on inputs made to be slow', () => {
    const inputs = [
      '*'.repeat(5000),
      '*a '.repeat(1666),
      '_a '.repeat(1666),
      '['.repeat(5000),
      '[a]('.repeat(1250),
      '<https://'.repeat(555),
      `**${'x**'.repeat(1666)}`,
      `# ${' '.repeat(4990)}x`,
      `${'#'.repeat(4990)} x`,
      '[***'.repeat(1250),
    ];
    for (const source of inputs) {
      const started = performance.now();
      render(source);
      expect(performance.now() - started, source.slice(0, 20)).toBeLessThan(500);
    }
  });
});

describe('the sanitiser after the renderer', () => {
  it('removes what the renderer never writes, and puts rel on every link', () => {
    const cleaned = sanitizeRichHtml(
      '<p onclick="x()">a<script>alert(1)</script><img src="https://x.example/p.png"><h1>b</h1></p>',
    );
    expect(markupOf(cleaned)).toEqual({ tags: ['p', 'p', 'p', 'p'], attributes: [] });
    expect(cleaned).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(sanitizeRichHtml('<a href="javascript:alert(1)" target="_blank">x</a>')).toBe(`<a ${REL}>x</a>`);
    expect(sanitizeRichHtml('<a href="//evil.example/">x</a>')).toBe(`<a ${REL}>x</a>`);
    expect(sanitizeRichHtml('<a href="https://ok.example/" rel="opener">x</a>')).toBe(
      `<a href="https://ok.example/" ${REL}>x</a>`,
    );
  });
});

describe('safe link addresses', () => {
  it('accepts http(s) with a host and mailto with an address, normalised', () => {
    expect(safeHref('https://Example.org/a b')).toBe('https://example.org/a%20b');
    expect(safeHref('mailto:hi@example.org')).toBe('mailto:hi@example.org');
    expect(safeHref('http:///nohost')).toBeNull();
    expect(safeHref('\u0000javascript:alert(1)')).toBeNull();
  });
});

describe('descriptions as plain text', () => {
  const source = '## Welcome\n**Fresh** bread, see [our site](https://example.org).\n\n- coffee\n- *tea*';

  it('drops every marker and keeps the text, one line per line break or item', () => {
    expect(richTextToPlain(source)).toBe('Welcome\n\nFresh bread, see our site.\n\ncoffee\ntea');
    expect(richTextToPlain('[x](javascript:alert(1)) <b>')).toBe('x <b>');
  });

  it('makes a one-line preview cut at a word', () => {
    expect(richTextPreview(source, 200)).toBe('Welcome Fresh bread, see our site. coffee tea');
    expect(richTextPreview(source, 20)).toBe('Welcome Fresh bread…');
    expect(richTextPreview(source, 20).length).toBeLessThanOrEqual(20);
  });
});

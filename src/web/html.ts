/**
 * A tiny escaping template: every interpolated value is HTML-escaped unless it is already `SafeHtml`
 * (the result of another `html` template or of `raw`). Arrays are rendered item by item; null, undefined
 * and false render as nothing, so `${cond && html`…`}` works.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false || value === true) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) {
    out += render(values[i]) + (strings[i + 1] ?? '');
  }
  return new SafeHtml(out);
}

/** Trusted markup, used as is. Only for text this code produced itself. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** JSON inside a <script> element: `<` is escaped so that the text can never close the element. */
export function jsonScript(value: unknown): SafeHtml {
  return new SafeHtml(
    JSON.stringify(value)
      .replace(/</g, '\\u003c')
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029'),
  );
}

/**
 * A translated text with markup in its `{name}` placeholders (a link, a code sample): the text is escaped,
 * each placeholder renders as its value. Unknown placeholders stay visible, as `format` leaves them.
 */
export function htmlFormat(template: string, vars: Record<string, HtmlValue>): SafeHtml {
  const parts = template.split(/(\{\w+\})/);
  return new SafeHtml(
    parts
      .map((part) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        return name !== undefined && name in vars ? render(vars[name]) : escapeHtml(part);
      })
      .join(''),
  );
}

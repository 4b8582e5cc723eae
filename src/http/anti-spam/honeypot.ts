import { html, raw, type SafeHtml } from '../../web/html.ts';
import { PROOF_OF_WORK_FIELD } from './proof-of-work.ts';

/**
 * A field people never see and bots fill in. Not "email", "name", "phone" or "address": browsers autofill
 * those whatever the markup says, and a real person's form would be refused.
 */
export const HONEYPOT_FIELD = 'homepage';

/** Any value at all, even spaces, was typed (or autofilled) into a field no person can reach. */
export function honeypotFilled(fields: Readonly<Record<string, unknown>>): boolean {
  const value = fields[HONEYPOT_FIELD];
  const values: unknown[] = Array.isArray(value) ? value : [value];
  return values.some((v) => v !== undefined && v !== null && v !== '');
}

/** The form's UI strings, in the page's locale (`tr.m.antiSpam`). */
export interface AntiSpamTexts {
  honeypotLabel: string;
  waiting: string;
}

/** Goes into the `<form>` tag: the browser client solves a proof of work for such forms. */
export const PROOF_OF_WORK_FORM: SafeHtml = raw('data-proof-of-work');

/**
 * The anti-spam inputs of an anonymous form: the honeypot, the `altcha` field the client fills, and a live
 * region where it says why sending waits. The honeypot is off-screen (class `honeypot` in the client
 * stylesheet; inline styles are refused by the page policy), `aria-hidden` with `tabindex=-1` so that neither
 * screen readers nor the keyboard reach it, and marked for password managers to leave alone. Its label is
 * there for pages seen without the stylesheet.
 */
export function antiSpamFields(texts: AntiSpamTexts): SafeHtml {
  return html`<div class="honeypot" aria-hidden="true"><label>${texts.honeypotLabel} <input type="text" name="${HONEYPOT_FIELD}" value="" tabindex="-1" autocomplete="off" data-1p-ignore data-lpignore="true" data-bwignore></label></div>
<input type="hidden" name="${PROOF_OF_WORK_FIELD}" value="">
<p class="form-status" role="status" data-proof-of-work-status data-waiting="${texts.waiting}"></p>`;
}

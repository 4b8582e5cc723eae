import { InputError } from '../../domain/errors.ts';
import { html, type SafeHtml } from '../html.ts';
import type { Translator } from '../i18n/index.ts';
import type { FormBody } from './form-input.ts';

/** The anti-spam check of anonymous forms: resolves whether a proof of work was solved; throws on a bot. */
export interface AntiSpam {
  check(body: FormBody): Promise<boolean>;
}

const HONEYPOT = 'homepage';

/** A field people never see or fill (hidden from screen readers too); simple bots fill every field. */
export function antiSpamFields(tr: Translator): SafeHtml {
  return html`<div class="visually-hidden" aria-hidden="true"><label for="f-${HONEYPOT}">${tr.m.community.name}</label><input id="f-${HONEYPOT}" name="${HONEYPOT}" tabindex="-1" autocomplete="off"></div>`;
}

export const honeypotOnly: AntiSpam = {
  async check(body) {
    if (typeof body[HONEYPOT] === 'string' && body[HONEYPOT] !== '')
      throw new InputError(HONEYPOT, 'this field must stay empty');
    return false;
  },
};

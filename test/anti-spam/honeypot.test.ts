import { describe, expect, it } from 'vitest';
import { antiSpamFields, HONEYPOT_FIELD, PROOF_OF_WORK_FORM } from '../../src/http/anti-spam/honeypot.ts';
import { PROOF_OF_WORK_FIELD } from '../../src/http/anti-spam/proof-of-work.ts';
import { html } from '../../src/web/html.ts';
import { messages } from '../../src/web/i18n/index.ts';

describe('antiSpamFields', () => {
  const markup = antiSpamFields(messages('en').antiSpam).value;

  it('renders a honeypot that neither screen readers nor the keyboard reach', () => {
    const honeypot = /<div class="honeypot" aria-hidden="true">(.*?)<\/div>/s.exec(markup)?.[1] ?? '';
    expect(honeypot).toContain(`name="${HONEYPOT_FIELD}"`);
    expect(honeypot).toContain('tabindex="-1"');
    expect(honeypot).toContain('autocomplete="off"');
    expect(honeypot).toMatch(/<label>Leave this field empty <input/);
  });

  it('renders the empty solution field and a live region with the waiting text', () => {
    expect(markup).toContain(`<input type="hidden" name="${PROOF_OF_WORK_FIELD}" value="">`);
    expect(markup).toMatch(
      /<p class="form-status" role="status" data-proof-of-work-status data-waiting="One moment: [^"]+"><\/p>/,
    );
  });

  it('escapes the texts it is given', () => {
    const escaped = antiSpamFields({ honeypotLabel: '<b>', waiting: '"x"' }).value;
    expect(escaped).toContain('&lt;b&gt;');
    expect(escaped).toContain('data-waiting="&quot;x&quot;"');
  });

  it('has texts in every locale, Serbian Cyrillic derived from Latin', () => {
    for (const locale of ['ru', 'sr-Latn', 'sr-Cyrl', 'en', 'uk'] as const) {
      const texts = messages(locale).antiSpam;
      expect(texts.honeypotLabel).not.toBe('');
      expect(texts.waiting).not.toBe('');
    }
    expect(messages('sr-Cyrl').antiSpam.honeypotLabel).toBe('Оставите ово поље празно');
  });

  it('marks the form tag for the client', () => {
    expect(html`<form method="post" ${PROOF_OF_WORK_FORM}>`.value).toBe(
      '<form method="post" data-proof-of-work>',
    );
  });
});

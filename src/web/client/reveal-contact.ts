import { decodeContact } from '../contact-encoding.ts';

/**
 * "Show phone number" and "Show email address" on a place page: the contact is decoded from the form's
 * data attributes and the form is swapped for the working link, without a round trip. Focus moves to the
 * link, so a keyboard or screen-reader user stays where they were and hears the number. When the data
 * cannot be decoded the form is left to do its job: the server sends the page with the contact shown.
 */
export function initRevealContacts(forms: Iterable<HTMLFormElement>): void {
  for (const form of forms) {
    form.addEventListener('submit', (event) => {
      const contact = decodeContact(form.dataset.contact ?? '', form.dataset.key ?? '');
      if (!contact) return;
      event.preventDefault();
      const link = document.createElement('a');
      link.href = contact.href;
      link.textContent = contact.text;
      form.replaceWith(link);
      link.focus();
    });
  }
}

import 'maplibre-gl/dist/maplibre-gl.css';
import './styles.css';
import './open-data.css';
import './admin-import.css';
import './community.css';
import './events.css';
import './insights.css';
import { isLocale, type Locale } from '../../domain/locales.ts';
import { t } from '../i18n/index.ts';
import { initAdminImport } from './admin-import.ts';
import { initEmbedBuilder } from './embed-builder.ts';
import { initEventsMap } from './events-map.ts';
import { initHome } from './home.ts';
import { initPlaceMap } from './place-map.ts';
import { initProofOfWork } from './proof-of-work.ts';
import { initRevealContacts } from './reveal-contact.ts';
import { initSearchSuggest } from './search-suggest.ts';

/** The page's locale is the server's choice, read from <html lang>; the browser's own language plays no part. */
function pageLocale(): Locale {
  const lang = document.documentElement.lang;
  return isLocale(lang) ? lang : 'ru';
}

/** Open disclosures (the locale menu) close on Escape and on a click elsewhere, as menus do. */
function enhanceMenus(): void {
  const menus = [...document.querySelectorAll<HTMLDetailsElement>('details.locales__menu')];
  document.addEventListener('click', (event) => {
    for (const menu of menus) if (menu.open && !menu.contains(event.target as Node)) menu.open = false;
  });
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    for (const menu of menus) {
      if (!menu.open) continue;
      menu.open = false;
      menu.querySelector('summary')?.focus();
    }
  });
}

function start(): void {
  const tr = t(pageLocale());
  enhanceMenus();
  // Before the map: suggestions work even where the map cannot be shown.
  initSearchSuggest(tr);
  // Anonymous forms work without the map too.
  const proofForms = document.querySelectorAll<HTMLFormElement>('form[data-proof-of-work]');
  if (proofForms.length > 0) initProofOfWork(proofForms);
  // Before the maps too: showing a phone number must not depend on WebGL.
  initRevealContacts(document.querySelectorAll<HTMLFormElement>('form.reveal[data-contact]'));
  const homeMap = document.getElementById('map');
  if (homeMap) initHome(homeMap, tr);
  const eventsMap = document.getElementById('events-map');
  if (eventsMap) initEventsMap(eventsMap, tr);
  const placeMap = document.getElementById('place-map');
  if (placeMap) initPlaceMap(placeMap, tr);
  const embedForm = document.querySelector<HTMLFormElement>('form#embed-form');
  if (embedForm) initEmbedBuilder(embedForm, tr);
  const importForm = document.querySelector<HTMLFormElement>('form#import-form');
  if (importForm) initAdminImport(importForm, tr);
}

start();

import { wallClock, weekSchedule } from '../../domain/hours.ts';
import { LOCALES, type Locale, latinToCyrillic } from '../../domain/locales.ts';
import type { PlaceView } from '../../usecases/present-place.ts';
import { contactLinks, contactList, type GuardedKind } from '../components/contacts.ts';
import { hoursStatusLine, weekTable } from '../components/hours.ts';
import { categoryBadge } from '../components/place-list.ts';
import { richText, richTextPreview } from '../components/rich-text.ts';
import { html, jsonScript, type SafeHtml } from '../html.ts';
import { t } from '../i18n/index.ts';
import { localePath } from '../locale.ts';
import { occurrenceItem, type ShownOccurrence } from './events/event-items.ts';
import type { WebDeps } from './home.ts';
import { demoNotice, noScriptStyles, page } from './layout.ts';
import { placeJsonLd } from './place-json-ld.ts';

/** The place's names other than the one shown, each with its language, e.g. the Cyrillic of a Latin name. */
export function otherNames(view: PlaceView): Array<{ text: string; lang: Locale }> {
  const names: Array<{ text: string; lang: Locale }> = [];
  const seen = new Set([view.name.trim().toLocaleLowerCase()]);
  for (const lang of LOCALES) {
    const text =
      view.names[lang] ??
      (lang === 'sr-Cyrl' && view.names['sr-Latn'] ? latinToCyrillic(view.names['sr-Latn']) : undefined);
    const key = text?.trim().toLocaleLowerCase();
    if (!text || !key || seen.has(key)) continue;
    seen.add(key);
    names.push({ text, lang });
  }
  return names;
}

/** The language a shown text is really in, when it is a fallback from another language (for `lang`). */
function fallbackLang(texts: PlaceView['names'], shown: string, locale: Locale): Locale | null {
  if (!shown || texts[locale] === shown) return null;
  const found = LOCALES.find((l) => texts[l] === shown);
  return found && found !== locale ? found : null;
}

function langAttr(lang: Locale | null): SafeHtml {
  return lang ? html` lang="${lang}"` : html``;
}

export function renderPlace(
  deps: WebDeps,
  locale: Locale,
  view: PlaceView,
  origin: string,
  revealed: readonly GuardedKind[] = [],
  events: ShownOccurrence[] = [],
): SafeHtml {
  const tr = t(locale);
  const p = tr.m.place;
  const timeZone = deps.ctx.taxonomy.city(view.city)?.timeZone ?? 'Europe/Belgrade';
  const now = deps.ctx.now();
  const schedule = view.hours ? weekSchedule(view.hours, now, timeZone) : null;
  const aka = otherNames(view);
  const contacts = contactLinks(tr, view.contacts);
  const canonicalPath = localePath(locale, view.path);
  const where = [view.neighbourhoodName, view.cityName].filter(Boolean).join(', ');
  // Street names are Serbian; in the Cyrillic interface they are written in Cyrillic too.
  const address = view.address && locale === 'sr-Cyrl' ? latinToCyrillic(view.address) : view.address;
  const jsonLd = placeJsonLd(
    view,
    origin + canonicalPath,
    aka.map((n) => n.text),
    contacts,
    schedule,
  );

  const body = html`<main id="main" class="place-page">
  <p class="back"><a href="${localePath(locale)}"><span aria-hidden="true">←</span> ${p.backToMap}</a></p>
  <article class="place">
    <header class="place__header">
      <p class="place__category">${categoryBadge(view.category, view.categoryName)}${view.localsWelcome ? html` <span class="welcome">${p.localsWelcome}</span>` : ''}</p>
      <h1 class="place__name"${langAttr(fallbackLang(view.names, view.name, locale))}>${view.name}</h1>
      ${
        aka.length
          ? html`<p class="place__aka"><span class="place__aka-label">${p.alsoKnownAs}:</span> ${aka.map(
              (n, i) => html`${i ? ', ' : ''}<span lang="${n.lang}">${n.text}</span>`,
            )}</p>`
          : ''
      }
      ${hoursStatusLine(tr, view)}
      ${view.opened ? html`<p class="place__since">${tr.format(p.opened, { date: tr.month(view.opened) })}</p>` : ''}
    </header>
    ${view.isDemo ? demoNotice(tr, tr.m.demo.place) : ''}
    ${view.status === 'closed' ? html`<p class="notice notice--warning">${p.closedDown}</p>` : ''}
    <div class="place__body">
      <div class="place__info">
        ${
          view.description
            ? html`<div class="place__description"${langAttr(fallbackLang(view.descriptions, view.description, locale))}>${richText(view.description)}</div>`
            : ''
        }
        <section class="place__section" aria-labelledby="h-address">
          <h2 id="h-address">${p.address}</h2>
          <p class="place__address">${address ? html`${address}<br>` : ''}${where}</p>
          ${view.homeBased ? html`<p class="place__approximate">${p.approximateLocation}</p>` : ''}
        </section>
        ${
          view.hours
            ? html`<section class="place__section" aria-labelledby="h-hours">
          <h2 id="h-hours">${tr.m.hours.heading}</h2>
          ${schedule ? weekTable(tr, schedule, wallClock(now, timeZone).weekday) : ''}
          <p class="hint">${tr.m.hours.timeZone} ${tr.m.hours.asWritten} <code>${view.hours}</code></p>
        </section>`
            : ''
        }
        ${
          view.languages.length || view.localsWelcome
            ? html`<section class="place__section" aria-labelledby="h-languages">
          <h2 id="h-languages">${p.languages}</h2>
          ${
            view.languages.length
              ? html`<ul class="lang-list">${view.languages.map(
                  (code) =>
                    html`<li><span class="lang" aria-hidden="true">${code.toUpperCase()}</span> ${tr.languageName(code)}</li>`,
                )}</ul>`
              : ''
          }
          ${view.localsWelcome ? html`<p class="place__welcome">${p.localsWelcomeHint}</p>` : ''}
        </section>`
            : ''
        }
        ${
          contacts.length
            ? html`<section class="place__section" aria-labelledby="h-contacts">
          <h2 id="h-contacts">${p.contacts}</h2>
          ${contactList(contacts, { tr, revealed, pagePath: canonicalPath, seed: `${view.id}:${view.updatedAt}` })}
        </section>`
            : ''
        }
      </div>
      <aside class="place__aside" aria-labelledby="h-map">
        <h2 id="h-map">${p.map}</h2>
        <div id="place-map" class="place-map" role="region" aria-label="${tr.format(p.mapLabel, { name: view.name })}"
          data-lon="${view.lon}" data-lat="${view.lat}" data-color="${view.categoryColor}"
          ${deps.mapStyleUrl ? html`data-style-url="${deps.mapStyleUrl}"` : ''}></div>
        <p class="hint">${where}</p>
      </aside>
    </div>
    ${
      events.length
        ? html`<section class="place__section place__events" aria-labelledby="h-events"><h2 id="h-events">${tr.m.events.eventsHere}</h2>
      <ul class="event-list">${events.map((item) => occurrenceItem(tr, deps.ctx.taxonomy, item, true))}</ul></section>`
        : ''
    }
    <p class="place__updated">${tr.format(p.updated, { date: tr.date(view.updatedAt) })}</p>
    <nav class="place__actions" aria-label="${tr.m.community.editLink}"><ul>
      <li><a href="${localePath(locale, `p/${view.id}/edit`)}">${tr.m.community.editLink}</a></li>
      <li><a href="${localePath(locale, `p/${view.id}/report`)}">${tr.m.community.reportLink}</a></li>
      <li><a href="${localePath(locale, `p/${view.id}/history`)}">${tr.m.community.historyLink}</a></li>
      <li><a href="${localePath(locale, `p/${view.id}/claim`)}">${tr.m.community.claimLink}</a></li>
      <li><a href="${localePath(locale, `events/new?venue=${view.id}`)}">${tr.m.events.addEventHere}</a></li>
    </ul></nav>
  </article>
</main>`;

  return page({
    tr,
    title: `${tr.format(p.title, { name: view.name, category: view.categoryName, city: view.cityName })} · Kvartal`,
    description: richTextPreview(view.description, 200) || `${view.categoryName}, ${where}`,
    localeHref: (l) => localePath(l, view.path),
    origin,
    canonicalPath,
    defaultPath: view.path,
    // The copy with contacts shown is for the person who asked; search engines keep to the canonical page.
    head: html`<script type="application/ld+json">${jsonScript(jsonLd)}</script>
${revealed.length ? html`<meta name="robots" content="noindex">` : ''}
${noScriptStyles}`,
    body,
    pageClass: 'page-place',
    assets: deps.assets,
  });
}

import { type Locale, pickText } from '../../../domain/locales.ts';
import { html, type SafeHtml } from '../../html.ts';
import { t } from '../../i18n/index.ts';
import { localePath } from '../../locale.ts';
import type { WebDeps } from '../home.ts';
import { page } from '../layout.ts';
import {
  dateFormat,
  type EventFilterValues,
  eventFilterForm,
  eventPath,
  filterQuery,
  type ShownOccurrence,
} from './event-items.ts';

export interface Month {
  year: number;
  month: number; // 1-12
}

export function monthText(m: Month): string {
  return `${m.year}-${String(m.month).padStart(2, '0')}`;
}

export function shiftMonth(m: Month, by: number): Month {
  const index = m.year * 12 + (m.month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** A month as a table of weeks (Monday first); each day lists its occurrences. Works without JavaScript. */
export function renderEventCalendar(
  deps: WebDeps,
  locale: Locale,
  origin: string,
  month: Month,
  items: ShownOccurrence[],
  filters: EventFilterValues,
): SafeHtml {
  const tr = t(locale);
  const e = tr.m.events;
  const timeZone = deps.ctx.taxonomy.cities[0]?.timeZone ?? 'Europe/Belgrade';
  const query = filterQuery(filters);
  const link = (m: Month) =>
    `${localePath(locale, 'events/calendar')}?${query ? `${query}&` : ''}month=${monthText(m)}`;
  const dayOf = (date: Date) => Number(dateFormat('en', timeZone, { day: 'numeric' }).format(date));
  const byDay = new Map<number, ShownOccurrence[]>();
  for (const item of items) {
    const day = dayOf(item.occurrence.start);
    byDay.set(day, [...(byDay.get(day) ?? []), item]);
  }
  const first = new Date(Date.UTC(month.year, month.month - 1, 1));
  const days = new Date(Date.UTC(month.year, month.month, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7; // blank cells before the 1st, Monday first
  const cells: (number | null)[] = [
    ...Array(lead).fill(null),
    ...Array.from({ length: days }, (_, i) => i + 1),
  ];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  const caption = dateFormat(locale, 'UTC', { month: 'long', year: 'numeric' }).format(first);
  const time = (item: ShownOccurrence) =>
    item.event.allDay
      ? e.allDay
      : dateFormat(locale, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
          item.occurrence.start,
        );
  const body = html`<main id="main" class="simple-page events-page events-calendar">
  <h1>${e.title}: ${caption}</h1>
  ${eventFilterForm(tr, deps.ctx.taxonomy, localePath(locale, 'events/calendar'), filters, html`<input type="hidden" name="month" value="${monthText(month)}">`)}
  <nav class="month-nav" aria-label="${e.calendarView}">
    <a href="${link(shiftMonth(month, -1))}" rel="prev">← ${e.previousMonth}</a>
    <a href="${localePath(locale, 'events')}${query ? `?${query}` : ''}">${e.listView}</a>
    <a href="${link(shiftMonth(month, 1))}" rel="next">${e.nextMonth} →</a>
  </nav>
  <div class="table-scroll" tabindex="0" role="region" aria-label="${caption}">
  <table class="month"><caption class="visually-hidden">${caption}</caption>
  <thead><tr>${e.weekdaysShort.map((d) => html`<th scope="col">${d}</th>`)}</tr></thead>
  <tbody>${weeks.map(
    (week) =>
      html`<tr>${week.map((day) =>
        day === null
          ? html`<td class="month__blank"></td>`
          : html`<td><span class="month__day">${day}</span>${
              byDay.get(day)?.length
                ? html`<ul>${(byDay.get(day) ?? []).map(
                    (item) =>
                      html`<li${item.event.status === 'cancelled' ? html` class="event-item--cancelled"` : ''}><a href="${localePath(locale, eventPath(item.event))}">${time(item)} ${pickText(item.event.titles, locale, item.event.originalLocale)}</a>${item.event.status === 'cancelled' ? html` (${e.cancelled})` : ''}</li>`,
                  )}</ul>`
                : ''
            }</td>`,
      )}</tr>`,
  )}</tbody></table></div>
</main>`;
  return page({
    tr,
    title: `${e.title}: ${caption} · Kvartal`,
    localeHref: (l) => `${localePath(l, 'events/calendar')}?month=${monthText(month)}`,
    origin,
    body,
    pageClass: 'page-simple page-events',
    assets: { ...deps.assets, script: null },
  });
}

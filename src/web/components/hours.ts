import { html, type SafeHtml } from '../html.ts';
import type { Translator } from '../i18n/index.ts';

/** When the open/closed state changes next, in the city's wall clock (weekday 0 = Sunday). */
export interface NextChange {
  hour: number;
  minute: number;
  weekday: number;
  daysAhead: number;
}

export interface HoursState {
  hours: string | null;
  openNow: boolean | null;
  nextChange: NextChange | null;
}

/** "9:00": hours unpadded, minutes padded, 24-hour clock as everywhere in Serbia. */
export function clockTime(hour: number, minute: number): string {
  return `${hour}:${String(minute).padStart(2, '0')}`;
}

/** "09:00" → "9:00". */
export function shortTime(hhmm: string): string {
  return hhmm.replace(/^0(\d)/, '$1');
}

/**
 * "Open now · closes at 22:00", "Closed · opens tomorrow at 9:00", "… opens on Monday at 9:00".
 * Null when the place has no hours at all.
 */
export function hoursStatus(
  tr: Translator,
  place: HoursState,
): { state: 'open' | 'closed' | 'unknown'; label: string; detail: string } | null {
  const h = tr.m.hours;
  if (!place.hours) return null;
  if (place.openNow === null) return { state: 'unknown', label: h.unknown, detail: '' };
  const next = place.nextChange;
  if (place.openNow) {
    if (!next) return { state: 'open', label: h.alwaysOpen, detail: '' };
    // A place that closes at midnight "closes at 24:00", not "closes tomorrow at 0:00".
    if (next.daysAhead === 1 && next.hour === 0 && next.minute === 0) {
      return { state: 'open', label: h.open, detail: tr.format(h.closesAt, { time: '24:00' }) };
    }
    return {
      state: 'open',
      label: h.open,
      detail: changeText(tr, next, h.closesAt, h.closesTomorrowAt, h.closesOnDayAt),
    };
  }
  if (!next) return { state: 'closed', label: h.closed, detail: '' };
  return {
    state: 'closed',
    label: h.closed,
    detail: changeText(tr, next, h.opensAt, h.opensTomorrowAt, h.opensOnDayAt),
  };
}

function changeText(
  tr: Translator,
  next: NextChange,
  today: string,
  tomorrow: string,
  onDay: string,
): string {
  const time = clockTime(next.hour, next.minute);
  if (next.daysAhead <= 0) return tr.format(today, { time });
  if (next.daysAhead === 1) return tr.format(tomorrow, { time });
  return tr.format(onDay, { time, day: tr.m.hours.onWeekday[next.weekday] ?? '' });
}

/** The status line used in lists and on the place page; the state is in words, not only in colour. */
export function hoursStatusLine(tr: Translator, place: HoursState): SafeHtml {
  const status = hoursStatus(tr, place);
  if (!status) return html``;
  return html`<p class="status status--${status.state}"><strong>${status.label}</strong>${
    status.detail
      ? html`<span class="status__sep" aria-hidden="true"> · </span><span>${status.detail}</span>`
      : ''
  }</p>`;
}

export interface ScheduleDay {
  weekday: number;
  intervals: [string, string][];
}

/** The weekly table, Monday first; today's row is marked in words as well as in style. */
export function weekTable(tr: Translator, days: ScheduleDay[], todayWeekday: number): SafeHtml {
  const h = tr.m.hours;
  return html`<table class="week">
    <caption class="visually-hidden">${h.heading}</caption>
    <tbody>
      ${days.map((day) => {
        const today = day.weekday === todayWeekday;
        const times = day.intervals.length
          ? day.intervals.map(([from, to]) => `${shortTime(from)}–${shortTime(to)}`).join(', ')
          : h.closedAllDay;
        return html`<tr${today ? html` class="week__today"` : ''}>
          <th scope="row">${h.weekdays[day.weekday] ?? ''}${today ? html` <span class="week__badge">${h.today}</span>` : ''}</th>
          <td>${times}</td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

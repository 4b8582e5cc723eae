import type { Month } from '../../domain/insights/months.ts';
import type { Locale } from '../../domain/locales.ts';

/** Numbers, shares and months as the page's locale writes them. */
export interface InsightsFormat {
  count(n: number): string;
  share(fraction: number): string;
  /** "Jan" for chart ticks. */
  shortMonth(month: Month): string;
  /** "January 2025" for tables and the period line. */
  longMonth(month: Month): string;
  year(month: Month): string;
  date(iso: string): string;
}

const midMonth = (month: Month) => new Date(`${month}-15T12:00:00Z`);

export function insightsFormat(locale: Locale): InsightsFormat {
  const count = new Intl.NumberFormat(locale);
  const share = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const short = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
  const long = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'Europe/Belgrade' });
  return {
    count: (n) => count.format(n),
    share: (fraction) => share.format(fraction),
    shortMonth: (month) => short.format(midMonth(month)),
    longMonth: (month) => long.format(midMonth(month)),
    year: (month) => month.slice(0, 4),
    date: (iso) => {
      const parsed = new Date(iso);
      return Number.isNaN(parsed.getTime()) ? iso : date.format(parsed);
    },
  };
}

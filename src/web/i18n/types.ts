/** Plural forms by CLDR category (Intl.PluralRules); `other` is always required. Text may hold `{count}`. */
export interface Plural {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

/** Seven strings, Sunday first, matching `Date#getDay()` and `WallClock.weekday`. */
export type Week = readonly [string, string, string, string, string, string, string];

export function plural(forms: Plural): Plural {
  return forms;
}

export function week(...days: [string, string, string, string, string, string, string]): Week {
  return days;
}

import { Type } from 'typebox';
import { LocaleParam } from '../schemas.ts';

export const InsightsQuery = Type.Object({
  city: Type.Optional(Type.String({ description: 'City slug (default: the first city)' })),
  from: Type.Optional(
    Type.String({
      description: 'First month, 2025-01 (a date counts as its month; default: 11 months before to)',
    }),
  ),
  to: Type.Optional(
    Type.String({
      description: 'Last month, included (default: this month, or from + 11 months); at most 24 months',
    }),
  ),
  locale: LocaleParam,
});

const Share = Type.Number({ description: 'Of the active places, 0…1' });

const GroupRow = Type.Object({
  slug: Type.Union([Type.String(), Type.Null()], { description: 'null: places without a neighbourhood' }),
  name: Type.Union([Type.String(), Type.Null()]),
  count: Type.Integer(),
  share: Share,
});

export const InsightsBody = Type.Object({
  city: Type.Object({ slug: Type.String(), name: Type.String() }),
  from: Type.String({ description: 'First month of the period (YYYY-MM)' }),
  to: Type.String({ description: 'Last month of the period, included (YYYY-MM)' }),
  demo: Type.Boolean({
    description: 'true: the figures are the demo data (the instance has no real places yet)',
  }),
  totals: Type.Object({
    active_places: Type.Integer(),
    opened: Type.Integer({ description: 'Places that went public in the period' }),
    closed: Type.Integer({ description: 'Places that closed in the period' }),
    event_occurrences: Type.Integer({ description: 'Event dates in the period (cancelled ones left out)' }),
  }),
  by_category: Type.Array(GroupRow),
  by_neighbourhood: Type.Array(GroupRow),
  opened_closed_per_month: Type.Array(
    Type.Object({ month: Type.String(), opened: Type.Integer(), closed: Type.Integer() }),
  ),
  newest_places: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      category: Type.String(),
      category_name: Type.String(),
      created: Type.String(),
      url: Type.String(),
    }),
  ),
  events_per_month_by_type: Type.Array(
    Type.Object({
      month: Type.String(),
      type: Type.String(),
      type_name: Type.String(),
      count: Type.Integer(),
    }),
  ),
  languages: Type.Array(
    Type.Object({
      code: Type.String(),
      count: Type.Integer(),
      share: Type.Number({
        description: 'Of the active places; a place serving several languages counts in each',
      }),
    }),
  ),
});

export const FigureParams = Type.Object({ figure: Type.String() });

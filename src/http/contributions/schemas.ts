import { Type } from 'typebox';
import { REPORT_KINDS, VERSION_ACTIONS } from '../../domain/contributions/contribution.ts';
import { AntiSpamFields } from '../anti-spam/check.ts';
import { CreatePlaceBody } from '../places/schemas.ts';

const PlaceFields = Type.Partial(CreatePlaceBody);

export const SuggestionBody = Type.Object({
  place: PlaceFields,
  place_id: Type.Optional(
    Type.Integer({ minimum: 1, description: 'The place an edit is for; absent for a new place' }),
  ),
  locale: Type.Optional(Type.String({ description: 'Language of the outcome e-mail (default ru)' })),
  email: Type.Optional(
    Type.String({ description: "A visitor's address for the moderator's decision; never shown" }),
  ),
  comment: Type.Optional(Type.String({ description: 'A note for the moderator' })),
  ...AntiSpamFields,
});

export const SuggestionResult = Type.Object({
  id: Type.Integer(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('approved')]),
  place_id: Type.Union([Type.Integer(), Type.Null()]),
});

export const ReportBody = Type.Object({
  kind: Type.String({ description: `One of ${REPORT_KINDS.join(', ')}` }),
  message: Type.Optional(Type.String()),
  email: Type.Optional(
    Type.String({ description: 'Only to tell a visitor that the report was dealt with; erased after that' }),
  ),
  locale: Type.Optional(Type.String({ description: 'The language to write that message in (default ru)' })),
  ...AntiSpamFields,
});

export const ReportResult = Type.Object({ id: Type.Integer(), status: Type.Literal('open') });

const Change = Type.Object({ field: Type.String(), before: Type.String(), after: Type.String() });

export const HistoryResponse = Type.Object({
  place_id: Type.Integer(),
  versions: Type.Array(
    Type.Object({
      version: Type.Integer(),
      action: Type.String({ description: VERSION_ACTIONS.join(', ') }),
      created_at: Type.String(),
      author: Type.Union([Type.String(), Type.Null()], {
        description: 'Public name, "deleted user", or null',
      }),
      note: Type.Union([Type.String(), Type.Null()]),
      changes: Type.Array(Change),
    }),
  ),
});

export const QueueResponse = Type.Object({
  suggestions: Type.Array(
    Type.Object({
      id: Type.Integer(),
      kind: Type.Union([Type.Literal('new'), Type.Literal('edit')]),
      place_id: Type.Union([Type.Integer(), Type.Null()]),
      created_at: Type.String(),
      proof_of_work: Type.Boolean(),
      stale: Type.Boolean(),
      comment: Type.Union([Type.String(), Type.Null()]),
      changes: Type.Array(Change),
    }),
  ),
  reports: Type.Array(
    Type.Object({
      place_id: Type.Integer(),
      count: Type.Integer(),
      by_kind: Type.Record(Type.String(), Type.Integer()),
    }),
  ),
  claims: Type.Integer(),
});

export const RejectBody = Type.Object({ reason: Type.String() });
export const ApproveBody = Type.Object({ place: Type.Optional(PlaceFields) });
export const IdParams = Type.Object({ id: Type.String() });

export const MeResponse = Type.Object({
  signed_in: Type.Boolean(),
  csrf_token: Type.Union([Type.String(), Type.Null()], {
    description: 'Send as x-csrf-token with every write',
  }),
  user: Type.Union([
    Type.Object({
      id: Type.Integer(),
      display_name: Type.Union([Type.String(), Type.Null()]),
      role: Type.String(),
      owned_place_ids: Type.Array(Type.Integer()),
    }),
    Type.Null(),
  ]),
});

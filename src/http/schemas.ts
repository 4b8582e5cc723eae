import { Type } from 'typebox';

/** The error body of every 4xx/5xx answer: which field was wrong and why. */
export const ErrorBody = Type.Object(
  {
    statusCode: Type.Integer(),
    error: Type.String(),
    message: Type.String(),
    field: Type.Optional(Type.String({ description: 'The parameter, field, line or index at fault' })),
  },
  { $id: 'Error' },
);

export const errorResponses = {
  400: ErrorBody,
  404: ErrorBody,
} as const;

export const LocaleParam = Type.Optional(
  Type.String({ description: 'Language of names and texts: ru, sr-Latn, sr-Cyrl, en or uk (default ru)' }),
);

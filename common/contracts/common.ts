/** Building blocks every contract uses: error body, pagination, ids. */
import { type Static, Type } from 'typebox';

export const Uuid = Type.String({ format: 'uuid' });
export const LocaleSchema = Type.Union([Type.Literal('vi'), Type.Literal('en'), Type.Literal('ja')]);

export const ErrorBody = Type.Object(
  {
    code: Type.String(),
    message: Type.String(),
    fields: Type.Optional(Type.Record(Type.String(), Type.String())),
  },
  { $id: 'ErrorBody' },
);

export const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
};

export const Paged = <T extends import('typebox').TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });

export type PageInput = { page?: number; pageSize?: number };
export type PagedResult<T> = { items: T[]; total: number; page: number; pageSize: number };
export type ErrorBodyT = Static<typeof ErrorBody>;

/** The error responses every authenticated endpoint may give, for the OpenAPI document. */
export const errorResponses = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
};

export const Nullable = <T extends import('typebox').TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const DateTime = Type.String({ format: 'date-time' });
export const IsoDate = Type.String({ format: 'date' });

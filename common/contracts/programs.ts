/** Programs and the organisations taking part in them. */
import { type Static, Type } from 'typebox';
import { Paged, PageQuery, Uuid } from './common';
import { OrganisationKindSchema } from './identity';

export const ProgramOrganisation = Type.Object({
  id: Uuid,
  name: Type.String(),
  kind: OrganisationKindSchema,
  role: Type.Enum(['lead', 'partner', 'donor', 'employer'] as const),
});

export const Program = Type.Object({
  id: Uuid,
  code: Type.String(),
  /** In the requested language. */
  name: Type.String(),
  summary: Type.String(),
  names: Type.Object({ vi: Type.String(), en: Type.String(), ja: Type.String() }),
  startsOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  endsOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  isDemo: Type.Boolean(),
  organisations: Type.Array(ProgramOrganisation),
});
export type ProgramT = Static<typeof Program>;

export const ProgramListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  organisationId: Type.Optional(Uuid),
  ...PageQuery,
});
export const ProgramList = Paged(Program);
export const ProgramParams = Type.Object({
  code: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 60 }),
});

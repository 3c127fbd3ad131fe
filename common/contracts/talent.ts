/** The talent side's API: ESCO occupations and the skills they need (reference data, public). */
import { type Static, Type } from 'typebox';
import { Paged, PageQuery } from './common';

/** The last part of an ESCO concept URI (…/esco/occupation/<id>). */
export const EscoId = Type.String({ pattern: '^[0-9a-f-]{36}$' });

export const OccupationListQuery = Type.Object({
  /** Words of the occupation's name, any accents or case. */
  q: Type.Optional(Type.String({ maxLength: 100 })),
  /** An ISCO-08 unit group (4 digits), e.g. 8212. */
  isco: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$' })),
  ...PageQuery,
});

export const OccupationSummary = Type.Object({
  id: EscoId,
  uri: Type.String(),
  label: Type.String(),
  iscoGroup: Type.String(),
  essentialSkills: Type.Integer(),
  optionalSkills: Type.Integer(),
});
export const OccupationList = Paged(OccupationSummary);

export const EscoSkill = Type.Object({
  uri: Type.String(),
  label: Type.String(),
  skillType: Type.Union([Type.String(), Type.Null()]),
});

export const OccupationParams = Type.Object({ id: EscoId });
export const OccupationProfile = Type.Object({
  id: EscoId,
  uri: Type.String(),
  label: Type.String(),
  iscoGroup: Type.String(),
  code: Type.Union([Type.String(), Type.Null()]),
  description: Type.String(),
  altLabels: Type.Array(Type.String()),
  essential: Type.Array(EscoSkill),
  optional: Type.Array(EscoSkill),
});
export type OccupationProfileT = Static<typeof OccupationProfile>;

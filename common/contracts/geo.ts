/** The administrative map: the API contract of server/modules/geo. Every endpoint is public. */
import { type Static, Type } from 'typebox';
import { Paged, PageQuery } from './common';

export const provinceKinds = ['city', 'province'] as const;
export const ProvinceKindSchema = Type.Enum(provinceKinds);
/** Phường (urban ward), Xã (rural commune), Đặc khu (special zone). */
export const communeKinds = ['ward', 'commune', 'special_zone'] as const;
export const CommuneKindSchema = Type.Enum(communeKinds);

const ProvinceCode = Type.String({ pattern: '^[0-9]{2}$' });

export const Province = Type.Object({
  code: ProvinceCode,
  /** Official name with its prefix: "Thành phố Hà Nội", "Tỉnh Tuyên Quang". */
  name: Type.String(),
  nameEn: Type.String(),
  /** 'city' for a centrally-run city. */
  kind: ProvinceKindSchema,
});
export type ProvinceT = Static<typeof Province>;
export const ProvinceList = Type.Object({ items: Type.Array(Province) });

export const Commune = Type.Object({
  code: Type.String({ pattern: '^[0-9]{5}$' }),
  provinceCode: ProvinceCode,
  name: Type.String(),
  kind: CommuneKindSchema,
});
export type CommuneT = Static<typeof Commune>;

export const ProvinceParams = Type.Object({ code: ProvinceCode });
export const CommuneListQuery = Type.Object({
  /** Matched without regard to accents, case or tone placement: "hoa lac" finds "Xã Hoà Lạc". */
  q: Type.Optional(Type.String({ maxLength: 100 })),
  ...PageQuery,
});
export const CommuneList = Paged(Commune);

export const ResolveQuery = Type.Object({ q: Type.String({ minLength: 1, maxLength: 200 }) });
export const ProvinceMatch = Type.Object({
  province: Province,
  /** The province before 1 Jul 2025 that the input named, when it no longer exists as such. */
  matchedFormer: Type.Optional(Type.Object({ code: ProvinceCode, name: Type.String() })),
  /** Present when the input matched only after forgiving one typo. */
  approximate: Type.Optional(Type.Boolean()),
});
export type ProvinceMatchT = Static<typeof ProvinceMatch>;
export const ResolveResult = Type.Object({ match: Type.Union([ProvinceMatch, Type.Null()]) });

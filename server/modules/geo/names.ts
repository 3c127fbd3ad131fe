/**
 * How administrative names are written: a unit-type prefix ("Tỉnh", "Thành phố", "Phường", "Xã",
 * "Đặc khu") before the proper name. The prefix tells the kind; the search key is the proper name alone,
 * so "Hoà Lạc" finds "Xã Hoà Lạc" and "Quảng Nam" finds "Tỉnh Quảng Nam".
 */
import { canonicalVi, foldVi, normalizeVi } from '../../../common/text';
import type { CommuneKind, ProvincesTable } from '../../db/schema';

export type ProvinceKind = ProvincesTable['kind'];

interface Prefix<K> {
  label: string;
  kind: K;
}

const PROVINCE_PREFIXES: readonly Prefix<ProvinceKind>[] = [
  { label: 'Thành phố', kind: 'city' },
  { label: 'Tỉnh', kind: 'province' },
];

const COMMUNE_PREFIXES: readonly Prefix<CommuneKind>[] = [
  { label: 'Phường', kind: 'ward' },
  { label: 'Xã', kind: 'commune' },
  { label: 'Đặc khu', kind: 'special_zone' },
];

export interface UnitName<K> {
  /** Canonical spelling with the prefix written the official way: "xã Bắc Sơn" → "Xã Bắc Sơn". */
  name: string;
  /** The proper name without prefix. */
  bare: string;
  kind: K;
}

/**
 * Splits a prefixed name. Prefixes are compared with diacritics (normalizeVi, not foldVi) so a bare
 * name that happens to start like one ("Xà Phìn" is not "Xã Phìn") is not mistaken for a prefix.
 */
function splitPrefix<K>(fullName: string, prefixes: readonly Prefix<K>[]): UnitName<K> | null {
  const words = canonicalVi(fullName).split(' ');
  for (const { label, kind } of prefixes) {
    const n = label.split(' ').length;
    if (words.length <= n || normalizeVi(words.slice(0, n).join(' ')) !== normalizeVi(label)) continue;
    const bare = words.slice(n).join(' ');
    return { name: `${label} ${bare}`, bare, kind };
  }
  return null;
}

export const parseProvinceName = (fullName: string) => splitPrefix(fullName, PROVINCE_PREFIXES);
export const parseCommuneName = (fullName: string) => splitPrefix(fullName, COMMUNE_PREFIXES);

/** name_folded of a province or former province: the proper name folded, prefix dropped. */
export function provinceNameFolded(fullName: string): string {
  return foldVi(parseProvinceName(fullName)?.bare ?? fullName);
}

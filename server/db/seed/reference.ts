/**
 * Vietnam's provincial map as the product knows it: facts written into the product, never read from a
 * data file at run time. The 34 provincial units in force since 1 Jul 2025 (Resolution 202/2025/QH15,
 * codes of Decision 19/2025/QĐ-TTg) as named in the official unit list of 25 Jul 2026, where Đồng Nai
 * is already a centrally-run city; and the 63 provinces before 1 Jul 2025, each merged whole into one unit.
 * Names are spelled canonically (common/text canonicalVi, new-style tones: "Thanh Hoá", "Hoà Bình").
 */
import type { Kysely } from 'kysely';
import { type ProvinceKind, provinceNameFolded } from '../../modules/geo/names';
import { inTransaction, upsertFormerProvinces, upsertProvinces } from '../../modules/geo/repo';
import type { DB } from '../schema';

export interface ProvinceSeed {
  /** Official 2-digit code. */
  code: string;
  /** Official Vietnamese name with its prefix: "Thành phố Hà Nội", "Tỉnh Tuyên Quang". */
  name: string;
  nameEn: string;
  /** 'city' for a centrally-run city (Thành phố trực thuộc trung ương). */
  kind: ProvinceKind;
}

export interface FormerProvinceSeed {
  /** Code before 1 Jul 2025 (it may now be another unit's code: 24 was Bắc Giang, is Bắc Ninh). */
  code: string;
  name: string;
  /** The current unit it became part of. */
  provinceCode: string;
}

export const provinces: readonly ProvinceSeed[] = [
  { code: '01', name: 'Thành phố Hà Nội', nameEn: 'Ha Noi City', kind: 'city' },
  { code: '04', name: 'Tỉnh Cao Bằng', nameEn: 'Cao Bang Province', kind: 'province' },
  { code: '08', name: 'Tỉnh Tuyên Quang', nameEn: 'Tuyen Quang Province', kind: 'province' },
  { code: '11', name: 'Tỉnh Điện Biên', nameEn: 'Dien Bien Province', kind: 'province' },
  { code: '12', name: 'Tỉnh Lai Châu', nameEn: 'Lai Chau Province', kind: 'province' },
  { code: '14', name: 'Tỉnh Sơn La', nameEn: 'Son La Province', kind: 'province' },
  { code: '15', name: 'Tỉnh Lào Cai', nameEn: 'Lao Cai Province', kind: 'province' },
  { code: '19', name: 'Tỉnh Thái Nguyên', nameEn: 'Thai Nguyen Province', kind: 'province' },
  { code: '20', name: 'Tỉnh Lạng Sơn', nameEn: 'Lang Son Province', kind: 'province' },
  { code: '22', name: 'Tỉnh Quảng Ninh', nameEn: 'Quang Ninh Province', kind: 'province' },
  { code: '24', name: 'Tỉnh Bắc Ninh', nameEn: 'Bac Ninh Province', kind: 'province' },
  { code: '25', name: 'Tỉnh Phú Thọ', nameEn: 'Phu Tho Province', kind: 'province' },
  { code: '31', name: 'Thành phố Hải Phòng', nameEn: 'Hai Phong City', kind: 'city' },
  { code: '33', name: 'Tỉnh Hưng Yên', nameEn: 'Hung Yen Province', kind: 'province' },
  { code: '37', name: 'Tỉnh Ninh Bình', nameEn: 'Ninh Binh Province', kind: 'province' },
  { code: '38', name: 'Tỉnh Thanh Hoá', nameEn: 'Thanh Hoa Province', kind: 'province' },
  { code: '40', name: 'Tỉnh Nghệ An', nameEn: 'Nghe An Province', kind: 'province' },
  { code: '42', name: 'Tỉnh Hà Tĩnh', nameEn: 'Ha Tinh Province', kind: 'province' },
  { code: '44', name: 'Tỉnh Quảng Trị', nameEn: 'Quang Tri Province', kind: 'province' },
  { code: '46', name: 'Thành phố Huế', nameEn: 'Hue City', kind: 'city' },
  { code: '48', name: 'Thành phố Đà Nẵng', nameEn: 'Da Nang City', kind: 'city' },
  { code: '51', name: 'Tỉnh Quảng Ngãi', nameEn: 'Quang Ngai Province', kind: 'province' },
  { code: '52', name: 'Tỉnh Gia Lai', nameEn: 'Gia Lai Province', kind: 'province' },
  { code: '56', name: 'Tỉnh Khánh Hoà', nameEn: 'Khanh Hoa Province', kind: 'province' },
  { code: '66', name: 'Tỉnh Đắk Lắk', nameEn: 'Dak Lak Province', kind: 'province' },
  { code: '68', name: 'Tỉnh Lâm Đồng', nameEn: 'Lam Dong Province', kind: 'province' },
  { code: '75', name: 'Thành phố Đồng Nai', nameEn: 'Dong Nai City', kind: 'city' },
  { code: '79', name: 'Thành phố Hồ Chí Minh', nameEn: 'Ho Chi Minh City', kind: 'city' },
  { code: '80', name: 'Tỉnh Tây Ninh', nameEn: 'Tay Ninh Province', kind: 'province' },
  { code: '82', name: 'Tỉnh Đồng Tháp', nameEn: 'Dong Thap Province', kind: 'province' },
  { code: '86', name: 'Tỉnh Vĩnh Long', nameEn: 'Vinh Long Province', kind: 'province' },
  { code: '91', name: 'Tỉnh An Giang', nameEn: 'An Giang Province', kind: 'province' },
  { code: '92', name: 'Thành phố Cần Thơ', nameEn: 'Can Tho City', kind: 'city' },
  { code: '96', name: 'Tỉnh Cà Mau', nameEn: 'Ca Mau Province', kind: 'province' },
];

export const formerProvinces: readonly FormerProvinceSeed[] = [
  { code: '01', name: 'Thành phố Hà Nội', provinceCode: '01' },
  { code: '02', name: 'Tỉnh Hà Giang', provinceCode: '08' },
  { code: '04', name: 'Tỉnh Cao Bằng', provinceCode: '04' },
  { code: '06', name: 'Tỉnh Bắc Kạn', provinceCode: '19' },
  { code: '08', name: 'Tỉnh Tuyên Quang', provinceCode: '08' },
  { code: '10', name: 'Tỉnh Lào Cai', provinceCode: '15' },
  { code: '11', name: 'Tỉnh Điện Biên', provinceCode: '11' },
  { code: '12', name: 'Tỉnh Lai Châu', provinceCode: '12' },
  { code: '14', name: 'Tỉnh Sơn La', provinceCode: '14' },
  { code: '15', name: 'Tỉnh Yên Bái', provinceCode: '15' },
  { code: '17', name: 'Tỉnh Hoà Bình', provinceCode: '25' },
  { code: '19', name: 'Tỉnh Thái Nguyên', provinceCode: '19' },
  { code: '20', name: 'Tỉnh Lạng Sơn', provinceCode: '20' },
  { code: '22', name: 'Tỉnh Quảng Ninh', provinceCode: '22' },
  { code: '24', name: 'Tỉnh Bắc Giang', provinceCode: '24' },
  { code: '25', name: 'Tỉnh Phú Thọ', provinceCode: '25' },
  { code: '26', name: 'Tỉnh Vĩnh Phúc', provinceCode: '25' },
  { code: '27', name: 'Tỉnh Bắc Ninh', provinceCode: '24' },
  { code: '30', name: 'Tỉnh Hải Dương', provinceCode: '31' },
  { code: '31', name: 'Thành phố Hải Phòng', provinceCode: '31' },
  { code: '33', name: 'Tỉnh Hưng Yên', provinceCode: '33' },
  { code: '34', name: 'Tỉnh Thái Bình', provinceCode: '33' },
  { code: '35', name: 'Tỉnh Hà Nam', provinceCode: '37' },
  { code: '36', name: 'Tỉnh Nam Định', provinceCode: '37' },
  { code: '37', name: 'Tỉnh Ninh Bình', provinceCode: '37' },
  { code: '38', name: 'Tỉnh Thanh Hoá', provinceCode: '38' },
  { code: '40', name: 'Tỉnh Nghệ An', provinceCode: '40' },
  { code: '42', name: 'Tỉnh Hà Tĩnh', provinceCode: '42' },
  { code: '44', name: 'Tỉnh Quảng Bình', provinceCode: '44' },
  { code: '45', name: 'Tỉnh Quảng Trị', provinceCode: '44' },
  { code: '46', name: 'Thành phố Huế', provinceCode: '46' },
  { code: '48', name: 'Thành phố Đà Nẵng', provinceCode: '48' },
  { code: '49', name: 'Tỉnh Quảng Nam', provinceCode: '48' },
  { code: '51', name: 'Tỉnh Quảng Ngãi', provinceCode: '51' },
  { code: '52', name: 'Tỉnh Bình Định', provinceCode: '52' },
  { code: '54', name: 'Tỉnh Phú Yên', provinceCode: '66' },
  { code: '56', name: 'Tỉnh Khánh Hoà', provinceCode: '56' },
  { code: '58', name: 'Tỉnh Ninh Thuận', provinceCode: '56' },
  { code: '60', name: 'Tỉnh Bình Thuận', provinceCode: '68' },
  { code: '62', name: 'Tỉnh Kon Tum', provinceCode: '51' },
  { code: '64', name: 'Tỉnh Gia Lai', provinceCode: '52' },
  { code: '66', name: 'Tỉnh Đắk Lắk', provinceCode: '66' },
  { code: '67', name: 'Tỉnh Đắk Nông', provinceCode: '68' },
  { code: '68', name: 'Tỉnh Lâm Đồng', provinceCode: '68' },
  { code: '70', name: 'Tỉnh Bình Phước', provinceCode: '75' },
  { code: '72', name: 'Tỉnh Tây Ninh', provinceCode: '80' },
  { code: '74', name: 'Tỉnh Bình Dương', provinceCode: '79' },
  { code: '75', name: 'Tỉnh Đồng Nai', provinceCode: '75' },
  { code: '77', name: 'Tỉnh Bà Rịa - Vũng Tàu', provinceCode: '79' },
  { code: '79', name: 'Thành phố Hồ Chí Minh', provinceCode: '79' },
  { code: '80', name: 'Tỉnh Long An', provinceCode: '80' },
  { code: '82', name: 'Tỉnh Tiền Giang', provinceCode: '82' },
  { code: '83', name: 'Tỉnh Bến Tre', provinceCode: '86' },
  { code: '84', name: 'Tỉnh Trà Vinh', provinceCode: '86' },
  { code: '86', name: 'Tỉnh Vĩnh Long', provinceCode: '86' },
  { code: '87', name: 'Tỉnh Đồng Tháp', provinceCode: '82' },
  { code: '89', name: 'Tỉnh An Giang', provinceCode: '91' },
  { code: '91', name: 'Tỉnh Kiên Giang', provinceCode: '91' },
  { code: '92', name: 'Thành phố Cần Thơ', provinceCode: '92' },
  { code: '93', name: 'Tỉnh Hậu Giang', provinceCode: '92' },
  { code: '94', name: 'Tỉnh Sóc Trăng', provinceCode: '92' },
  { code: '95', name: 'Tỉnh Bạc Liêu', provinceCode: '96' },
  { code: '96', name: 'Tỉnh Cà Mau', provinceCode: '96' },
];

/** Writes both lists; running it again brings the rows back to these values. */
export async function seedReference(db: Kysely<DB>) {
  await inTransaction(db, async (trx) => {
    await upsertProvinces(
      trx,
      provinces.map((p) => ({
        code: p.code,
        name: p.name,
        name_en: p.nameEn,
        kind: p.kind,
        name_folded: provinceNameFolded(p.name),
      })),
    );
    await upsertFormerProvinces(
      trx,
      formerProvinces.map((f) => ({
        code: f.code,
        name: f.name,
        name_folded: provinceNameFolded(f.name),
        province_code: f.provinceCode,
      })),
    );
  });
  return { provinces: provinces.length, formerProvinces: formerProvinces.length };
}

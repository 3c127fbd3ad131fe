import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalVi, foldVi, normalizeVi } from '../../../common/text';
import { formerProvinces, provinces, seedReference } from '../../db/seed/reference';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { parseCommuneName, parseProvinceName } from './names';
import * as repo from './repo';
import {
  compactKey,
  importCommunes,
  isUrban,
  listCommunes,
  listProvinces,
  parseUnitsFile,
  resolveProvince,
  UnitsFileError,
} from './service';

interface UnitsFile {
  Code: string;
  FullName: string;
  Wards: { Code: string; FullName: string; ProvinceCode: string }[];
}
interface MergesFile {
  data: { level1_id: string; name: string; merges: { old_id: string; name: string; type: string }[] }[];
}

const dataFile = (name: string) => new URL(`../../../../shared/data/vn-admin/${name}`, import.meta.url);
const UNITS_PATH = fileURLToPath(dataFile('vn-units-2026-07-25.json'));

let database: TestDatabase;
let units: UnitsFile[];
let merges: MergesFile;
let scratch: string;
const db = () => database.db;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  units = JSON.parse(await readFile(UNITS_PATH, 'utf8'));
  merges = JSON.parse(await readFile(dataFile('merges-2025-07-01.json'), 'utf8'));
  scratch = await mkdtemp(join(tmpdir(), 'nhanluc-geo-'));
});

afterAll(async () => {
  await database?.drop();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('seeded provinces', () => {
  it('are the 34 units of the official list, same codes and names', async () => {
    const stored = await listProvinces(db());
    expect(stored).toHaveLength(34);
    expect(stored.map((p) => [p.code, p.name])).toEqual(units.map((u) => [u.Code, u.FullName]));
  });

  it('have a kind matching their prefix, an English name, and a search key without prefix', async () => {
    const rows = await repo.listProvinces(db());
    for (const row of rows) {
      const parsed = parseProvinceName(row.name);
      expect(parsed?.kind, row.name).toBe(row.kind);
      expect(row.name_folded).toBe(foldVi(parsed?.bare ?? ''));
      expect(row.name_en).toMatch(row.kind === 'city' ? /^[A-Z][a-z]+( [A-Z][a-z]+)* City$/ : / Province$/);
    }
    expect(rows.find((r) => r.code === '01')).toMatchObject({
      name_en: 'Ha Noi City',
      name_folded: 'ha noi',
    });
    expect(rows.find((r) => r.code === '08')).toMatchObject({
      name_en: 'Tuyen Quang Province',
      kind: 'province',
    });
    expect(rows.find((r) => r.code === '79')).toMatchObject({ name_en: 'Ho Chi Minh City', kind: 'city' });
    expect(rows.filter((r) => r.kind === 'city').map((r) => r.code)).toEqual([
      '01',
      '31',
      '46',
      '48',
      '75',
      '79',
      '92',
    ]);
    expect(new Set(rows.map((r) => r.name_en)).size).toBe(34);
  });

  it('are spelled canonically', () => {
    for (const p of [...provinces, ...formerProvinces]) expect(canonicalVi(p.name)).toBe(p.name);
  });

  it('seeding again restores the rows and adds none', async () => {
    await db().updateTable('provinces').set({ name_en: 'changed' }).where('code', '=', '01').execute();
    await seedReference(db());
    expect((await repo.listProvinces(db())).find((r) => r.code === '01')?.name_en).toBe('Ha Noi City');
    expect(await repo.listProvinces(db())).toHaveLength(34);
    expect(await repo.listFormerProvinces(db())).toHaveLength(63);
  });
});

describe('former provinces', () => {
  it('are the 63 provinces of merges-2025-07-01, each mapped to the unit it merged into', async () => {
    const expected = merges.data
      .flatMap((unit) =>
        unit.merges.map((m) => ({
          code: m.old_id,
          name: normalizeVi(m.name),
          unit: unit.level1_id,
          type: m.type,
        })),
      )
      .sort((a, b) => a.code.localeCompare(b.code));
    expect(expected).toHaveLength(63);
    expect(expected.every((m) => m.type === 'full')).toBe(true);

    const stored = await repo.listFormerProvinces(db());
    expect(
      stored.map((f) => ({ code: f.code, name: normalizeVi(f.name), unit: f.province_code, type: 'full' })),
    ).toEqual(expected);
    expect(formerProvinces.map((f) => f.code)).toEqual(expected.map((m) => m.code));
  });

  it('cover every current unit, and a name kept by a unit points to that unit', () => {
    const codes = new Set(formerProvinces.map((f) => f.provinceCode));
    expect([...codes].sort()).toEqual(provinces.map((p) => p.code));
    for (const f of formerProvinces) {
      const sameName = provinces.find(
        (p) =>
          foldVi(parseProvinceName(p.name)?.bare ?? '') === foldVi(parseProvinceName(f.name)?.bare ?? ''),
      );
      if (sameName) expect(f.provinceCode, f.name).toBe(sameName.code);
    }
  });

  it('have compact search keys that never collide across units', () => {
    const unitOf = new Map<string, string>();
    const entries = [
      ...provinces.map((p) => [p.name, p.code] as const),
      ...formerProvinces.map((f) => [f.name, f.provinceCode] as const),
    ];
    for (const [name, unit] of entries) {
      const key = compactKey(foldVi(parseProvinceName(name)?.bare ?? ''));
      expect(unitOf.get(key) ?? unit, name).toBe(unit);
      unitOf.set(key, unit);
    }
  });
});

describe('resolveProvince', () => {
  const cases: [input: string, code: string, former?: string][] = [
    ['01', '01'],
    ['1', '01'],
    ['79', '79'],
    ['24', '24'],
    ['27', '24', '27'],
    ['77', '79', '77'],
    ['Thành phố Hà Nội', '01'],
    ['Hà Nội', '01'],
    ['Hanoi', '01'],
    ['Ha Noi', '01'],
    ['ha noi', '01'],
    ['HÀ NỘI', '01'],
    ['Ha Noi City', '01'],
    ['Hà Nội, Việt Nam', '01'],
    ['Thủ đô Hà Nội', '01'],
    ['TP. Hà Nội', '01'],
    ['TP HCM', '79'],
    ['TP.HCM', '79'],
    ['TPHCM', '79'],
    ['HCM', '79'],
    ['Thành phố Hồ Chí Minh', '79'],
    ['Ho Chi Minh City', '79'],
    ['Sài Gòn', '79'],
    ['Saigon', '79'],
    ['Bà Rịa - Vũng Tàu', '79', '77'],
    ['Ba Ria Vung Tau', '79', '77'],
    ['Tỉnh Bà Rịa – Vũng Tàu', '79', '77'],
    ['Bình Dương', '79', '74'],
    ['binh duong', '79', '74'],
    ['Bắc Giang', '24', '24'],
    ['bac giang', '24', '24'],
    ['Bắc Ninh', '24'],
    ['Tỉnh Bắc Ninh', '24'],
    ['Quảng Nam', '48', '49'],
    ['quang nam', '48', '49'],
    ['T. Quảng Nam', '48', '49'],
    ['Đà Nẵng', '48'],
    ['Da Nang', '48'],
    ['Danang', '48'],
    ['Huế', '46'],
    ['Hue', '46'],
    ['Thừa Thiên Huế', '46'],
    ['Thừa Thiên - Huế', '46'],
    ['Hoà Bình', '25', '17'],
    ['Hòa Bình', '25', '17'],
    ['hoa binh', '25', '17'],
    ['Thanh Hóa', '38'],
    ['Thanh Hoá', '38'],
    ['Khánh Hòa', '56'],
    ['Ninh Thuan', '56', '58'],
    ['Kon Tum', '51', '62'],
    ['Đắk Nông', '68', '67'],
    ['Dak Nong', '68', '67'],
    ['Đắk Lắk', '66'],
    ['Daklak', '66'],
    ['Hà Giang', '08', '02'],
    ['Yên Bái', '15', '15'],
    ['Lào Cai', '15'],
    ['Hai Duong', '31', '30'],
    ['Hậu Giang', '92', '93'],
    ['Soc Trang', '92', '94'],
    ['Bac Lieu', '96', '95'],
    ['Kien Giang', '91', '91'],
    ['Long An', '80', '80'],
    ['Tây Ninh', '80'],
    ['Đồng Nai', '75'],
    ['Tuyen Quang Province', '08'],
    ['  Cần   Thơ ', '92'],
  ];
  it.each(cases)('%s → %s', async (input, code, former) => {
    const match = await resolveProvince(db(), input);
    expect(match?.province.code).toBe(code);
    expect(match?.matchedFormer?.code).toBe(former);
    expect(match?.approximate).toBeUndefined();
  });

  it('returns the unit as listed, with the former province as it was named', async () => {
    expect(await resolveProvince(db(), 'Quảng Nam')).toEqual({
      province: { code: '48', name: 'Thành phố Đà Nẵng', nameEn: 'Da Nang City', kind: 'city' },
      matchedFormer: { code: '49', name: 'Tỉnh Quảng Nam' },
    });
  });

  it('forgives one typo in a long enough name, and says so', async () => {
    expect(await resolveProvince(db(), 'Ha Noj')).toMatchObject({
      province: { code: '01' },
      approximate: true,
    });
    expect(await resolveProvince(db(), 'Thanh Hao')).toMatchObject({
      province: { code: '38' },
      approximate: true,
    });
    expect(await resolveProvince(db(), 'Quang Ngai')).toMatchObject({ province: { code: '51' } });
  });

  it.each(['', '   ', 'Hà Tây', 'Tokyo', '00', '99', '123', 'abc', 'Quang Xinh', 'T.'])(
    '%j → null',
    async (input) => {
      expect(await resolveProvince(db(), input)).toBeNull();
    },
  );
});

describe('commune names', () => {
  it('take their kind from the prefix', () => {
    expect(parseCommuneName('Phường Ba Đình')).toEqual({
      name: 'Phường Ba Đình',
      bare: 'Ba Đình',
      kind: 'ward',
    });
    expect(parseCommuneName('Xã Hòa Lạc')).toEqual({ name: 'Xã Hoà Lạc', bare: 'Hoà Lạc', kind: 'commune' });
    expect(parseCommuneName('xã Bắc Sơn')).toEqual({ name: 'Xã Bắc Sơn', bare: 'Bắc Sơn', kind: 'commune' });
    expect(parseCommuneName('Đặc khu Côn Đảo')).toEqual({
      name: 'Đặc khu Côn Đảo',
      bare: 'Côn Đảo',
      kind: 'special_zone',
    });
    expect(parseCommuneName('Phường 12')?.kind).toBe('ward');
    expect(parseCommuneName('Xà Phìn')).toBeNull();
    expect(parseCommuneName('Xã')).toBeNull();
    expect(parseCommuneName('Thị trấn Xuân Hoà')).toBeNull();
  });

  it('isUrban is true for wards only', () => {
    expect(isUrban('ward')).toBe(true);
    expect(isUrban('commune')).toBe(false);
    expect(isUrban('special_zone')).toBe(false);
  });
});

describe('importCommunes', () => {
  const expectedCounts = () => {
    const kinds = units.flatMap((p) => p.Wards.map((w) => normalizeVi(w.FullName).split(' ')[0]));
    return {
      provinces: units.length,
      communes: kinds.length,
      wards: kinds.filter((k) => k === 'phường').length,
      rural: kinds.filter((k) => k === 'xã').length,
      specialZones: kinds.filter((k) => k === 'đặc').length,
    };
  };
  const writeScratch = async (name: string, content: string) => {
    const path = join(scratch, name);
    await writeFile(path, content);
    return path;
  };
  const snapshot = () => db().selectFrom('communes').selectAll().orderBy('code').execute();

  it('imports the 3,321 communes of the official list, with progress, in one go', async () => {
    const expected = expectedCounts();
    expect(expected.communes).toBe(3321);
    expect(expected.wards + expected.rural + expected.specialZones).toBe(3321);

    const progress: number[] = [];
    const result = await importCommunes(db(), UNITS_PATH, (p) => {
      expect(p.total).toBe(3321);
      progress.push(p.done);
    });
    expect(result).toEqual({ ...expected, inserted: 3321, updated: 0, unchanged: 0 });
    expect(progress).toEqual([500, 1000, 1500, 2000, 2500, 3000, 3321]);
    expect(await repo.countCommunes(db())).toBe(3321);

    const byKind = await db()
      .selectFrom('communes')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('kind')
      .execute();
    expect(Object.fromEntries(byKind.map((r) => [r.kind, Number(r.n)]))).toEqual({
      ward: expected.wards,
      commune: expected.rural,
      special_zone: expected.specialZones,
    });
  });

  it('stores canonical names with an accent-free search key of the name alone', async () => {
    const rows = await snapshot();
    const source = new Map(units.flatMap((p) => p.Wards.map((w) => [w.Code, w] as const)));
    for (const row of rows) {
      const ward = source.get(row.code);
      expect(ward?.ProvinceCode).toBe(row.province_code);
      expect(normalizeVi(row.name)).toBe(normalizeVi(ward?.FullName ?? ''));
      expect(row.name_folded).toMatch(/^[a-z0-9]+( [a-z0-9]+)*$/);
    }
    expect(rows.find((r) => r.code === '06325')).toMatchObject({
      name: 'Xã Bắc Sơn',
      kind: 'commune',
      name_folded: 'bac son',
    });
    expect(rows.find((r) => r.code === '26732')).toMatchObject({
      name: 'Đặc khu Côn Đảo',
      kind: 'special_zone',
      province_code: '79',
    });
  });

  it('is idempotent: a second run changes nothing', async () => {
    const before = await snapshot();
    const result = await importCommunes(db(), UNITS_PATH);
    expect(result).toMatchObject({ communes: 3321, inserted: 0, updated: 0, unchanged: 3321 });
    expect(await snapshot()).toEqual(before);
  });

  it('updates what changed in the file', async () => {
    const edited: UnitsFile[] = structuredClone(units);
    const first = edited[0]?.Wards[0];
    if (!first) throw new Error('empty file');
    const original = first.FullName;
    first.FullName = 'Phường Thử Nghiệm';
    const path = await writeScratch('edited.json', JSON.stringify(edited));
    expect(await importCommunes(db(), path)).toMatchObject({ inserted: 0, updated: 1, unchanged: 3320 });
    expect((await snapshot()).find((r) => r.code === first.Code)?.name_folded).toBe('thu nghiem');
    first.FullName = original;
    await writeScratch('edited.json', JSON.stringify(edited));
    expect(await importCommunes(db(), path)).toMatchObject({ updated: 1 });
  });

  it.each([
    ['not JSON', 'not_json', '{"Code": "01", '],
    ['an object, not a list', 'wrong_shape', '{"data": []}'],
    ['an empty list', 'wrong_shape', '[]'],
    ['a merges file', 'wrong_shape', null],
    [
      'a commune code of 4 digits',
      'wrong_shape',
      JSON.stringify([
        {
          Code: '01',
          FullName: 'Thành phố Hà Nội',
          Wards: [{ Code: '0004', FullName: 'Phường Ba Đình', ProvinceCode: '01' }],
        },
      ]),
    ],
    [
      'an unknown province',
      'unknown_province',
      JSON.stringify([{ Code: '99', FullName: 'Tỉnh Không Có', Wards: [] }]),
    ],
    [
      'a commune under the wrong province',
      'inconsistent',
      JSON.stringify([
        {
          Code: '01',
          FullName: 'Thành phố Hà Nội',
          Wards: [{ Code: '00004', FullName: 'Phường Ba Đình', ProvinceCode: '04' }],
        },
      ]),
    ],
    [
      'a name without prefix',
      'inconsistent',
      JSON.stringify([
        {
          Code: '01',
          FullName: 'Thành phố Hà Nội',
          Wards: [{ Code: '00004', FullName: 'Ba Đình', ProvinceCode: '01' }],
        },
      ]),
    ],
    [
      'a commune listed twice',
      'inconsistent',
      JSON.stringify([
        {
          Code: '01',
          FullName: 'Thành phố Hà Nội',
          Wards: [
            { Code: '00004', FullName: 'Phường Ba Đình', ProvinceCode: '01' },
            { Code: '00004', FullName: 'Phường Ngọc Hà', ProvinceCode: '01' },
          ],
        },
      ]),
    ],
  ])('rejects %s and leaves the table as it was', async (_what, problem, content) => {
    const before = await snapshot();
    const text = content ?? (await readFile(dataFile('merges-2025-07-01.json'), 'utf8'));
    const path = await writeScratch('bad.json', text);
    const error = await importCommunes(db(), path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnitsFileError);
    expect((error as UnitsFileError).problem).toBe(problem);
    expect((error as UnitsFileError).message).toContain(path);
    expect(await snapshot()).toEqual(before);
  });

  it('rejects a missing file', async () => {
    const error = await importCommunes(db(), join(scratch, 'missing.json')).catch((e: unknown) => e);
    expect((error as UnitsFileError).problem).toBe('unreadable');
  });

  it('names the place of a shape error', () => {
    expect(() => parseUnitsFile('[{"Code":"01","FullName":"Hà Nội","Wards":[{"Code":"00004"}]}]')).toThrow(
      /\/0\/Wards\/0/,
    );
  });

  it('leaves nothing half-written when it fails after some batches', async () => {
    const before = await snapshot();
    const renamed: UnitsFile[] = structuredClone(units);
    for (const p of renamed) for (const w of p.Wards) w.FullName = `${w.FullName} Mới`;
    const path = await writeScratch('renamed.json', JSON.stringify(renamed));
    let calls = 0;
    await expect(
      importCommunes(db(), path, () => {
        calls++;
        if (calls === 3) throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(calls).toBe(3);
    expect(await snapshot()).toEqual(before);
  });
});

describe('listCommunes', () => {
  it('finds a commune whatever the accents, case or tone style', async () => {
    for (const q of ['Hoà Lạc', 'Hòa Lạc', 'hoa lac', 'HÒA LẠC']) {
      const page = await listCommunes(db(), '01', { q });
      expect(
        page.items.map((c) => c.name),
        q,
      ).toContain('Xã Hoà Lạc');
    }
  });

  it('puts whole-name and name-start matches first', async () => {
    const page = await listCommunes(db(), '01', { q: 'hoa', pageSize: 100 });
    const keys = page.items.map((c) => foldVi(parseCommuneName(c.name)?.bare ?? ''));
    expect(keys.every((k) => k.includes('hoa'))).toBe(true);
    const starting = keys.filter((k) => k.startsWith('hoa'));
    const inside = keys.filter((k) => !k.startsWith('hoa'));
    expect(starting.length).toBeGreaterThan(0);
    expect(inside.length).toBeGreaterThan(0);
    expect(keys).toEqual([...starting.sort(), ...inside.sort()]);
    expect(page.items[0]?.name).toBe('Xã Hoà Lạc');
  });

  it('pages through a province', async () => {
    const first = await listCommunes(db(), '79', { page: 1, pageSize: 50 });
    const fourth = await listCommunes(db(), '79', { page: 4, pageSize: 50 });
    expect(first.total).toBe(units.find((u) => u.Code === '79')?.Wards.length);
    expect(first.items).toHaveLength(50);
    expect(fourth.items).toHaveLength(first.total - 150);
    expect(new Set([...first.items, ...fourth.items].map((c) => c.code)).size).toBe(50 + fourth.items.length);
    expect(first.items.every((c) => c.provinceCode === '79')).toBe(true);
    expect(await listCommunes(db(), '79', { page: 99 })).toMatchObject({ items: [], total: first.total });
  });

  it('clamps the page size and refuses an unknown province', async () => {
    expect((await listCommunes(db(), '01', { pageSize: 10_000 })).pageSize).toBe(100);
    expect(await listCommunes(db(), '01', { page: Number.NaN, pageSize: 0 })).toMatchObject({
      page: 1,
      pageSize: 1,
    });
    await expect(listCommunes(db(), '99')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('finds nothing for a search that matches nothing', async () => {
    expect(await listCommunes(db(), '01', { q: 'zzzz' })).toMatchObject({ items: [], total: 0 });
    expect((await listCommunes(db(), '01', { q: '%' })).total).toBe(
      units.find((u) => u.Code === '01')?.Wards.length,
    );
  });
});

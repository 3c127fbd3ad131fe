import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, createTestApp, type TestApp } from '../../test/app';
import { importCommunes } from './service';

const UNITS_PATH = fileURLToPath(
  new URL('../../../../shared/data/vn-admin/vn-units-2026-07-25.json', import.meta.url),
);

let t: TestApp;
let anonymous: Browser;

beforeAll(async () => {
  t = await createTestApp();
  await importCommunes(t.ctx.db, UNITS_PATH);
  anonymous = new Browser(t);
});
afterAll(async () => t?.close());

describe('GET /api/geo', () => {
  it('lists the 34 provincial units to anyone', async () => {
    const res = await anonymous.get('/api/geo/provinces');
    expect(res.statusCode).toBe(200);
    const { items } = res.json();
    expect(items).toHaveLength(34);
    expect(items[0]).toEqual({ code: '01', name: 'Thành phố Hà Nội', nameEn: 'Ha Noi City', kind: 'city' });
  });

  it("searches a unit's communes without accents, page by page", async () => {
    const res = await anonymous.get('/api/geo/provinces/01/communes?q=hoa%20lac&pageSize=5');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      page: 1,
      pageSize: 5,
      items: [{ name: 'Xã Hoà Lạc', kind: 'commune' }],
    });
    const all = (await anonymous.get('/api/geo/provinces/79/communes?page=2&pageSize=100')).json();
    expect(all).toMatchObject({ page: 2, pageSize: 100, total: 168 });
    expect(all.items).toHaveLength(68);
  });

  it('answers 404 for an unknown unit and 400 for a malformed code or page', async () => {
    expect((await anonymous.get('/api/geo/provinces/99/communes')).statusCode).toBe(404);
    expect((await anonymous.get('/api/geo/provinces/1/communes')).statusCode).toBe(400);
    expect((await anonymous.get('/api/geo/provinces/01/communes?pageSize=1000')).statusCode).toBe(400);
  });

  it('resolves current and former names', async () => {
    const former = (
      await anonymous.get(`/api/geo/resolve?q=${encodeURIComponent('Bà Rịa - Vũng Tàu')}`)
    ).json();
    expect(former).toEqual({
      match: {
        province: { code: '79', name: 'Thành phố Hồ Chí Minh', nameEn: 'Ho Chi Minh City', kind: 'city' },
        matchedFormer: { code: '77', name: 'Tỉnh Bà Rịa - Vũng Tàu' },
      },
    });
    expect((await anonymous.get('/api/geo/resolve?q=TP.HCM')).json().match.province.code).toBe('79');
    expect((await anonymous.get('/api/geo/resolve?q=Tokyo')).json()).toEqual({ match: null });
    expect((await anonymous.get('/api/geo/resolve')).statusCode).toBe(400);
  });
});

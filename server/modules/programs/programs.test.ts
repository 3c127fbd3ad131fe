import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../db/seed/demo';
import { seedPrograms } from '../../db/seed/programs';
import { Browser, createTestApp, type TestApp } from '../../test/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.ctx);
  await seedPrograms(t.ctx.db, { demo: true });
});
afterAll(() => t.close());

describe('programs', () => {
  it('lists the programs of the sources in the reader language', async () => {
    const vi = (await new Browser(t).get('/api/programs?pageSize=50')).json();
    expect(vi.total).toBe(6);
    const codes = vi.items.map((p: { code: string }) => p.code).sort();
    expect(codes).toEqual([
      'jds-scholarships',
      'mekong-innovation',
      'new-opportunities',
      'semiconductor-2030',
      'women-in-ai',
      'work-in-japan',
    ]);
    const ja = (await new Browser(t, 'ja').get('/api/programs/semiconductor-2030')).json();
    expect(ja.name).toBe('半導体人材2030');
    expect(ja.startsOn).toBe('2024-09-01');
    expect(ja.organisations.find((o: { role: string }) => o.role === 'lead').name).toBe(
      'Trung tâm Đổi mới sáng tạo Quốc gia (NIC)',
    );
    expect(ja.organisations.filter((o: { role: string }) => o.role === 'employer')).toHaveLength(3);
  });

  it('finds programs without accents, in any of the three names, and by organisation', async () => {
    const b = new Browser(t);
    const found = (await b.get('/api/programs?q=co%20hoi%20moi')).json();
    expect(found.items.map((p: { code: string }) => p.code)).toEqual(['new-opportunities']);
    expect((await b.get(`/api/programs?q=${encodeURIComponent('半導体')}`)).json().items[0].code).toBe(
      'semiconductor-2030',
    );
    const mekong = await t.ctx.db
      .selectFrom('organisations')
      .select('id')
      .where('slug', '=', 'demo-hoc-vien-ky-nang-so-mekong')
      .executeTakeFirstOrThrow();
    const ofMekong = (await b.get(`/api/programs?organisationId=${mekong.id}`)).json();
    expect(ofMekong.items.map((p: { code: string }) => p.code)).toEqual(['mekong-innovation']);
    expect((await b.get('/api/programs/no-such-program')).statusCode).toBe(404);
  });

  it('re-seeding changes nothing', async () => {
    await seedPrograms(t.ctx.db, { demo: true });
    const n = await t.ctx.db
      .selectFrom('program_organisations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await seedPrograms(t.ctx.db, { demo: true });
    const m = await t.ctx.db
      .selectFrom('program_organisations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(m.n).toBe(n.n);
  });
});

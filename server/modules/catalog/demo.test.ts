import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPrograms } from '../../db/seed/programs';
import { Browser, createTestApp, type TestApp } from '../../test/app';
import { insertOrganisation } from '../organisations/repo';
import { demoCourses, seedDemoCourses } from './demo';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  for (const [slug, provinceCode] of [
    ['demo-hoc-vien-ky-nang-so-mekong', '92'],
    ['demo-cao-dang-cong-nghe-hoa-lac', '01'],
    ['demo-trung-tam-ban-dan-da-nang', '48'],
    ['demo-vien-du-lieu-ai-sai-gon', '79'],
  ] as const) {
    await insertOrganisation(t.ctx.db, {
      slug,
      name: `[Demo] ${slug}`,
      kind: 'training_partner',
      provinceCode,
      isDemo: true,
    });
  }
  await seedPrograms(t.ctx.db, { demo: false });
});
afterAll(() => t.close());

describe('demo courses', () => {
  it('publishes twelve translated courses with lessons, once', async () => {
    expect(demoCourses).toHaveLength(12);
    expect(await seedDemoCourses(t.ctx)).toBe(12);
    expect(await seedDemoCourses(t.ctx)).toBe(0);

    const anon = new Browser(t);
    const all = (await anon.get('/api/courses?pageSize=100')).json();
    expect(all.total).toBe(12);
    for (const c of all.items) {
      expect(c.languages, c.slug).toEqual(['vi', 'en', 'ja']);
      const detail = (await anon.get(`/api/courses/${c.slug}`)).json();
      const lessons = detail.modules.flatMap((m: { lessons: unknown[] }) => m.lessons);
      expect(detail.modules.length, c.slug).toBeGreaterThanOrEqual(2);
      expect(lessons.length, c.slug).toBeGreaterThanOrEqual(2);
      expect(detail.programs.length, c.slug).toBeGreaterThanOrEqual(1);
    }
    expect(all.items.find((c: { slug: string }) => c.slug === 'dao-tao-giang-vien-ky-nang-so')).toMatchObject(
      {
        isTot: true,
        title: 'Đào tạo giảng viên: phương pháp dạy kỹ năng số',
      },
    );
  });

  it('is found the way a Vietnamese reader searches', async () => {
    const anon = new Browser(t);
    const first = async (q: string) =>
      (await anon.get(`/api/courses?q=${encodeURIComponent(q)}`)).json().items[0]?.slug;
    expect(await first('ban dan co ban')).toBe('ky-thuat-vien-ban-dan-co-ban');
    expect(await first('tiếng nhật')).toBe('tieng-nhat-n4');
    expect(await first('IOT MEKONG')).toBe('iot-nong-nghiep-mekong');
    expect(await first('giang vien')).toBe('dao-tao-giang-vien-ky-nang-so');
    const japan = (await anon.get('/api/courses?program=work-in-japan&sort=title')).json();
    expect(japan.items.map((c: { slug: string }) => c.slug)).toEqual([
      'ky-nang-lam-viec-tai-nhat',
      'lap-rap-bo-mach-in-ssw',
      'tieng-nhat-n4',
    ]);
  });
});

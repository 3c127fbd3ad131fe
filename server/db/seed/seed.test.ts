import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';
import { countRows } from '../../test/db';
import { seedOnFirstStart } from './index';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ SEED_DEMO: 'true' });
});
afterAll(() => t.close());

const count = (table: 'organisations' | 'users' | 'programs' | 'audit_log') => countRows(t.ctx.db, table);

describe('first-start seeding', () => {
  it('seeds once, and a second start keeps the data without seeding again', async () => {
    const first = await seedOnFirstStart(t.ctx);
    expect(first.seededNow).toBe(true);
    expect(first.demoAccounts.map((a) => a.role)).toContain('platform_admin');
    const before = {
      orgs: await count('organisations'),
      users: await count('users'),
      programs: await count('programs'),
    };
    expect(before.orgs).toBeGreaterThan(15);
    expect(before.programs).toBe(6);

    // Someone renames an organisation between starts: the second start must not undo it.
    await t.ctx.db
      .updateTable('organisations')
      .set({ name: 'Đổi tên bởi người dùng' })
      .where('slug', '=', 'nic')
      .execute();
    const second = await seedOnFirstStart(t.ctx);
    expect(second.seededNow).toBe(false);
    expect({
      orgs: await count('organisations'),
      users: await count('users'),
      programs: await count('programs'),
    }).toEqual(before);
    const nic = await t.ctx.db
      .selectFrom('organisations')
      .select('name')
      .where('slug', '=', 'nic')
      .executeTakeFirstOrThrow();
    expect(nic.name).toBe('Đổi tên bởi người dùng');
  });
});

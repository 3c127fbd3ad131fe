/** The demo seed leaves the review queue something to decide, once, and the demo pair merges and undoes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOnFirstStart } from '../../../db/seed';
import { DEMO_PASSWORD } from '../../../db/seed/demo';
import { Browser, createTestApp, type TestApp } from '../../../test/app';
import { seedDemoDuplicates } from './demo';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ SEED_DEMO: 'true' });
  await seedOnFirstStart(t.ctx);
});
afterAll(() => t.close());

describe('demo duplicates', () => {
  it('queues three likely pairs (one from the impact demo), once', async () => {
    const manager = await new Browser(t, 'en').login('manager@demo.nhanluc.vn', DEMO_PASSWORD);
    const queue = (await manager.get('/api/registry/duplicate-pairs')).json();
    expect(queue.total).toBe(3);
    const names = queue.items.map((p: { a: { fullName: string }; b: { fullName: string } }) =>
      [p.a.fullName, p.b.fullName].sort(),
    );
    expect(names).toContainEqual(['Nguyen Thi Lan', 'Nguyễn Thị Lan']);
    expect(names).toContainEqual(['Tran Van Hung', 'Trần Văn Hùng']);
    expect(names).toContainEqual(['Pham Thi Hoa', 'Phạm Thị Hoa']);
    expect(await seedDemoDuplicates(t.ctx)).toEqual({ pairs: 0 });
    expect((await manager.get('/api/registry/duplicate-pairs')).json().total).toBe(3);

    // Lan's account survives and takes the class she finished under the Hòa Lạc roster; undone after.
    const lan = queue.items.find((p: { reasons: { code: string }[]; a: { fullName: string } }) =>
      p.a.fullName.includes('Lan'),
    );
    const account = lan.a.hasAccount ? lan.a : lan.b;
    const roster = lan.a.hasAccount ? lan.b : lan.a;
    expect(roster).toMatchObject({ hasAccount: false, enrolments: 1 });
    const merged = await manager.post(`/api/registry/duplicate-pairs/${lan.id}/decision`, {
      decision: 'merge',
      survivorId: account.id,
    });
    expect(merged.statusCode, merged.body).toBe(200);
    const survivor = merged.json().a.id === account.id ? merged.json().a : merged.json().b;
    expect(survivor.enrolments).toBe(account.enrolments + 1);
    expect((await manager.post(`/api/registry/duplicate-pairs/${lan.id}/undo`)).statusCode).toBe(200);
  });
});

/**
 * The demo seed gives every program a few events: past ones with attendance (registered learners who
 * came or not, visitors who walked in, one of them twice and one person), and one ahead with
 * registrations none of which is checked in yet; once, and without queuing any pair for review.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOnFirstStart } from '../../db/seed';
import { DEMO_PASSWORD } from '../../db/seed/demo';
import { programSeeds } from '../../db/seed/programs';
import { Browser, createTestApp, type TestApp } from '../../test/app';
import { DEMO_UPCOMING_TITLE, seedDemoEvents } from './demo';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ SEED_DEMO: 'true' });
  await seedOnFirstStart(t.ctx);
});
afterAll(() => t.close());

describe('demo events', () => {
  it('gives every program events, past ones with attendance and one ahead with registrations only', async () => {
    const db = t.ctx.db;
    const perProgram = await db
      .selectFrom('events as e')
      .innerJoin('programs as p', 'p.id', 'e.program_id')
      .select(['p.code', (eb) => eb.fn.countAll<string>().as('n')])
      .groupBy('p.code')
      .execute();
    expect(perProgram.map((r) => r.code).sort()).toEqual(programSeeds.map((p) => p.code).sort());

    const past = await db
      .selectFrom('events as e')
      .innerJoin('event_participants as ep', 'ep.event_id', 'e.id')
      .select([
        'e.title',
        (eb) => eb.fn.countAll<string>().as('registered'),
        (eb) => eb.fn.count<string>('ep.checked_in_at').as('present'),
      ])
      .where('e.ends_at', '<', new Date())
      .groupBy('e.title')
      .execute();
    expect(past.length).toBeGreaterThanOrEqual(8);
    for (const e of past) {
      expect(Number(e.present), e.title).toBeGreaterThan(0);
      expect(Number(e.present), e.title).toBeLessThanOrEqual(Number(e.registered));
    }

    const manager = await new Browser(t, 'en').login('manager@demo.nhanluc.vn', DEMO_PASSWORD);
    const upcoming = (await manager.get('/api/staff/events?when=upcoming')).json();
    const hoaLac = upcoming.items.find(
      (e: { source: { title: string } }) => e.source.title === DEMO_UPCOMING_TITLE,
    );
    expect(hoaLac).toMatchObject({
      status: 'open',
      registrationOpen: true,
      counts: { registered: 9, checkedIn: 0, walkIns: 0 },
    });
    // Its partner admin runs it; the demo learner is registered and sees the code.
    const partner = await new Browser(t).login('partner.hoalac@demo.nhanluc.vn', DEMO_PASSWORD);
    expect((await partner.get(`/api/events/${hoaLac.id}/participants`)).json().total).toBe(9);
    const learner = await new Browser(t).login('learner@demo.nhanluc.vn', DEMO_PASSWORD);
    expect((await learner.get(`/api/events/${hoaLac.id}`)).json().myRegistration).toMatchObject({
      checkedInAt: null,
    });
  });

  it('a visitor who walked in at two events is one person; no pair was queued for review; once', async () => {
    const db = t.ctx.db;
    const twice = await db
      .selectFrom('event_participants as ep')
      .innerJoin('people as p', 'p.id', 'ep.person_id')
      .select(['p.full_name', (eb) => eb.fn.countAll<string>().as('n')])
      .where('ep.walk_in', '=', true)
      .groupBy('p.full_name')
      .having((eb) => eb.fn.countAll(), '>', 1)
      .execute();
    expect(twice.map((r) => r.full_name)).toContain('Thạch Thị Sóc Pha');
    const people = await db
      .selectFrom('people')
      .select('id')
      .where('full_name', '=', 'Thạch Thị Sóc Pha')
      .execute();
    expect(people).toHaveLength(1);
    const pairs = await db
      .selectFrom('duplicate_pairs as d')
      .innerJoin('event_participants as ep', (j) =>
        j.on((eb) =>
          eb.or([
            eb('ep.person_id', '=', eb.ref('d.person_a')),
            eb('ep.person_id', '=', eb.ref('d.person_b')),
          ]),
        ),
      )
      .select('d.id')
      .where('ep.walk_in', '=', true)
      .execute();
    expect(pairs).toEqual([]);
    expect(await seedDemoEvents(t.ctx)).toEqual({ events: 0, participations: 0 });
  });
});

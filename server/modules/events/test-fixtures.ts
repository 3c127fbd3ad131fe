/**
 * Test data for events, written with the repositories the app itself uses: an event of an
 * organisation (in a week, in Cần Thơ, unless told otherwise) and a person's participation in it.
 */
import { randomUUID } from 'node:crypto';
import type { TestApp } from '../../test/app';
import { checkInToken, checkInTokenHash } from './checkin-token';
import * as repo from './repo';

const DAY = 86_400_000;

export async function makeEvent(
  t: TestApp,
  organisationId: string,
  over: Partial<repo.EventValues> & { inDays?: number } = {},
) {
  const { inDays = 7, ...values } = over;
  const startsAt = new Date(Date.now() + inDays * DAY);
  const { id } = await repo.insertEvent(t.ctx.db, organisationId, null, {
    programId: null,
    topic: '4ir_careers',
    title: 'Ngày hội nghề nghiệp 4.0 Cần Thơ',
    description: 'Gặp gỡ doanh nghiệp công nghệ.',
    language: 'vi',
    translations: { en: { title: '4IR careers day in Can Tho', description: 'Meet tech employers.' } },
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 4 * 3_600_000).toISOString(),
    online: false,
    provinceCode: '92',
    location: 'Trung tâm Hội nghị Cần Thơ',
    capacity: null,
    status: 'open',
    ...values,
  });
  return id;
}

/** A person's participation, registered (and checked in when asked) as the service would write it. */
export async function addParticipant(
  t: TestApp,
  eventId: string,
  personId: string,
  opts: { checkedIn?: boolean; walkIn?: boolean; shortCode?: string; by?: string | null } = {},
) {
  const id = randomUUID();
  await repo.insertParticipant(t.ctx.db, {
    id,
    eventId,
    personId,
    registeredBy: opts.by ?? null,
    walkIn: opts.walkIn ?? false,
    checkedInBy: opts.by ?? null,
    tokenHash: checkInTokenHash(checkInToken(t.ctx.config, id)),
    shortCode:
      opts.shortCode ??
      randomUUID()
        .replace(/[^A-Z2-9]/gi, '')
        .toUpperCase()
        .slice(0, 6),
    birthYear: null,
  });
  if (opts.checkedIn && !opts.walkIn && opts.by) await repo.checkIn(t.ctx.db, id, opts.by);
  else if (opts.checkedIn && !opts.walkIn)
    await t.ctx.db
      .updateTable('event_participants')
      .set({ checked_in_at: new Date() })
      .where('id', '=', id)
      .execute();
  return id;
}

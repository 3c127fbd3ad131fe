/**
 * Applications: a learner applies to an open job (sharing their profile with that employer, which
 * needs the matching consent for the employer's country); the employer moves the application through
 * applied → screened → interview → offer → hired, or rejects it; the applicant sees every step and may
 * withdraw. Each step is kept (application_events), audit-logged and notified to the applicant.
 */
import type { Kysely } from 'kysely';
import type { Locale } from '../../../../common/i18n/locales';
import { type ApplicationStatus, applicationMoves } from '../../../../common/talent';
import type { DB } from '../../../db/schema';
import { vietnamDate } from '../../../jobs';
import type { Actor } from '../../../lib/actor';
import type { AppContext } from '../../../lib/context';
import { AppError, forbidden, notFound } from '../../../lib/errors';
import { insertAudit } from '../../audit/repo';
import { notify } from '../../notifications/service';
import { findPersonByUser } from '../../people/repo';
import * as jobsRepo from '../jobs/repo';
import { applyBlocker, candidatePeople, managesJobsOf, presentJob } from '../jobs/service';
import { explain } from '../matching';
import { ensureProfile, personSkills } from '../profiles/service';
import { skillNames } from '../taxonomy/service';

type Db = Kysely<DB>;

const history = async (db: Db, ids: readonly string[]) =>
  ids.length === 0
    ? []
    : db
        .selectFrom('application_events')
        .select(['application_id', 'status', 'at'])
        .where('application_id', 'in', ids)
        .orderBy('at')
        .orderBy('id')
        .execute();

const steps = (h: Awaited<ReturnType<typeof history>>, id: string) =>
  h.filter((e) => e.application_id === id).map((e) => ({ status: e.status, at: e.at.toISOString() }));

async function mine(db: Db, personId: string, locale: Locale, only?: string) {
  let q = db.selectFrom('applications').selectAll().where('person_id', '=', personId);
  if (only) q = q.where('id', '=', only);
  const apps = await q.orderBy('created_at', 'desc').execute();
  const h = await history(
    db,
    apps.map((a) => a.id),
  );
  const today = vietnamDate();
  const out = [];
  for (const a of apps) {
    const job = await jobsRepo.findJob(db, a.job_id);
    if (!job) continue;
    out.push({
      id: a.id,
      job: presentJob(job, locale, today),
      status: a.status,
      createdAt: a.created_at.toISOString(),
      updatedAt: a.updated_at.toISOString(),
      history: steps(h, a.id),
    });
  }
  return out;
}

export async function myApplications(ctx: AppContext, actor: Actor, locale: Locale) {
  const person = await findPersonByUser(ctx.db, actor.userId);
  return { items: person ? await mine(ctx.db, person.id, locale) : [] };
}

export async function apply(
  ctx: AppContext,
  actor: Actor,
  jobId: string,
  note: string,
  locale: Locale,
  ip: string | null,
) {
  const job = await jobsRepo.findJob(ctx.db, jobId);
  if (!job) throw notFound('job');
  const person = await findPersonByUser(ctx.db, actor.userId);
  const blocker = await applyBlocker(ctx.db, job, person?.id ?? null, vietnamDate());
  if (blocker === 'closed') throw new AppError('JOB_CLOSED');
  if (blocker === 'no_profile' || !person) throw new AppError('NO_PERSON_RECORD');
  if (blocker) {
    throw new AppError('CONSENT_REQUIRED', {
      params: { purpose: blocker === 'consent_employers_jp' ? 'share_employers_jp' : 'share_employers_vn' },
    });
  }
  const id = await ctx.db.transaction().execute(async (trx) => {
    await ensureProfile(trx, person.id);
    const row = await trx
      .insertInto('applications')
      .values({ job_id: jobId, person_id: person.id, note: note.trim() })
      .onConflict((oc) => oc.columns(['job_id', 'person_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) throw new AppError('ALREADY_APPLIED');
    await trx
      .insertInto('application_events')
      .values({ application_id: row.id, status: 'applied', actor_user_id: actor.userId })
      .execute();
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'application.submitted',
      entityType: 'application',
      entityId: row.id,
      organisationId: job.organisation_id,
      details: { jobId, personId: person.id },
      ip,
    });
    return row.id;
  });
  return (await mine(ctx.db, person.id, locale, id))[0]!;
}

export async function withdraw(ctx: AppContext, actor: Actor, id: string, locale: Locale, ip: string | null) {
  const person = await findPersonByUser(ctx.db, actor.userId);
  const app = person
    ? await ctx.db
        .selectFrom('applications')
        .selectAll()
        .where('id', '=', id)
        .where('person_id', '=', person.id)
        .executeTakeFirst()
    : undefined;
  // Someone else's application is "not found": its existence is not disclosed.
  if (!person || !app) throw notFound('application');
  if (app.status === 'hired' || app.status === 'rejected' || app.status === 'withdrawn') {
    throw new AppError('APPLICATION_MOVE_NOT_ALLOWED', { params: { from: app.status, to: 'withdrawn' } });
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('applications')
      .set({ status: 'withdrawn', updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await trx
      .insertInto('application_events')
      .values({ application_id: id, status: 'withdrawn', actor_user_id: actor.userId })
      .execute();
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'application.withdrawn',
      entityType: 'application',
      entityId: id,
      ip,
    });
  });
  return (await mine(ctx.db, person.id, locale, id))[0]!;
}

async function forEmployer(db: Db, jobId: string, locale: Locale, only?: string) {
  const job = await jobsRepo.findJob(db, jobId);
  if (!job) throw notFound('job');
  let q = db.selectFrom('applications').selectAll().where('job_id', '=', jobId);
  if (only) q = q.where('id', '=', only);
  const apps = await q.orderBy('created_at').execute();
  const ids = apps.map((a) => a.person_id);
  const skills = (await jobsRepo.jobSkills(db, [jobId])).map((s) => ({
    skillId: s.skill_id,
    level: s.level,
    required: s.required,
  }));
  const [people, held, names, h] = await Promise.all([
    candidatePeople(db, ids),
    ids.length
      ? personSkills(
          db,
          ids,
          skills.map((s) => s.skillId),
        )
      : Promise.resolve([]),
    skillNames(db, locale),
    history(
      db,
      apps.map((a) => a.id),
    ),
  ]);
  return apps.flatMap((a) => {
    const p = people.get(a.person_id);
    if (!p) return [];
    return [
      {
        id: a.id,
        person: p.ref,
        status: a.status,
        note: a.note,
        explanation: explain(
          { skills, jlptMin: job.jlpt_min },
          {
            skills: held
              .filter((x) => x.person_id === a.person_id)
              .map((x) => ({ skillId: x.skill_id, level: x.level, verified: x.source !== 'declared' })),
            jlpt: p.jlpt,
          },
          names,
          locale,
        ),
        moves: [...applicationMoves[a.status]],
        createdAt: a.created_at.toISOString(),
        updatedAt: a.updated_at.toISOString(),
        history: steps(h, a.id),
      },
    ];
  });
}

export async function jobApplications(ctx: AppContext, actor: Actor, jobId: string, locale: Locale) {
  const job = await jobsRepo.findJob(ctx.db, jobId);
  if (!job) throw notFound('job');
  if (!managesJobsOf(actor, job.organisation_id)) throw forbidden('not this employer’s job');
  return { items: await forEmployer(ctx.db, jobId, locale) };
}

export async function move(
  ctx: AppContext,
  actor: Actor,
  id: string,
  to: ApplicationStatus,
  note: string,
  locale: Locale,
  ip: string | null,
) {
  const app = await ctx.db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();
  if (!app) throw notFound('application');
  const job = await jobsRepo.findJob(ctx.db, app.job_id);
  if (!job || !managesJobsOf(actor, job.organisation_id)) throw notFound('application');
  if (!applicationMoves[app.status].includes(to)) {
    throw new AppError('APPLICATION_MOVE_NOT_ALLOWED', { params: { from: app.status, to } });
  }
  const applicant = await ctx.db
    .selectFrom('people')
    .select('user_id')
    .where('id', '=', app.person_id)
    .executeTakeFirst();
  await ctx.db.transaction().execute(async (trx) => {
    // Only from the status read above: a second click or a colleague's move in between changes nothing.
    const r = await trx
      .updateTable('applications')
      .set({ status: to, updated_at: new Date() })
      .where('id', '=', id)
      .where('status', '=', app.status)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new AppError('CONFLICT');
    await trx
      .insertInto('application_events')
      .values({ application_id: id, status: to, actor_user_id: actor.userId, note: note.trim() })
      .execute();
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'application.moved',
      entityType: 'application',
      entityId: id,
      organisationId: job.organisation_id,
      details: { from: app.status, to },
      ip,
    });
  });
  if (applicant?.user_id) {
    await notify(
      ctx,
      applicant.user_id,
      `application_${to}`,
      { job: job.title, employer: job.org_name },
      `/me/jobs`,
    );
  }
  return (await forEmployer(ctx.db, app.job_id, locale, id))[0]!;
}

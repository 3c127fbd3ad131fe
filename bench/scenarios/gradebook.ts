/**
 * The gradebook of a big class: one cohort of 500 learners on a course of 40 published lessons (36
 * text lessons, 4 quiz lessons), with lesson progress, two graded attempts per quiz and learner, and
 * attendance at 8 held sessions out of 12 — in a PGlite database in a temporary folder, inserted in
 * multi-row batches. Then 50 reads of the whole gradebook go through the module's function
 * (`readGradebook`: access check, the set-based reads, the completion assessment of every row, sort
 * and presentation, as the API does without HTTP), after a warm-up; the p95 of their latency is the
 * figure; the process's CPU time per read is reported beside it (PGlite runs in the process), since
 * wall time on a shared machine also measures everyone else. The Excel export of the same cohort is
 * timed once, for information.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { foldVi } from '../../common/text';
import { loadConfig } from '../../server/config';
import { openDatabase } from '../../server/db/client';
import { migrateToLatest } from '../../server/db/migrate';
import type { Actor } from '../../server/lib/actor';
import type { AppContext } from '../../server/lib/context';
import { MemoryMailTransport } from '../../server/lib/mail';
import { MemoryFileStorage } from '../../server/lib/storage';
import { createCourseFromSpec } from '../../server/modules/catalog/factory';
import { gradebookWorkbook, readGradebook } from '../../server/modules/enrolment/gradebook';
import { insertOrganisation } from '../../server/modules/organisations/repo';
import { figure } from '../lib/figure';
import type { Scenario } from '../lib/scenario';
import { median, percentile } from '../lib/stats';

const LEARNERS = 500;
const TEXT_LESSONS = 36;
const QUIZZES = 4;
const SESSIONS = 12;
const HELD = 8;
const READS = 50;
const WARMUP = 5;
const BATCH = 1000;

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const GIVEN = [
  'Thị Lan',
  'Văn Hùng',
  'Ngọc Hân',
  'Minh Tuấn',
  'Thu Hương',
  'Đức Phúc',
  'Mỹ Linh',
  'Quốc Bảo',
];

async function inBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

export async function buildBenchCohort(ctx: AppContext) {
  const db = ctx.db;
  const org = await insertOrganisation(db, {
    slug: 'bench-partner',
    name: 'Bench Partner',
    kind: 'training_partner',
  });
  const course = await createCourseFromSpec(db, {
    organisationId: org.id,
    slug: 'bench-gradebook',
    title: 'Kỹ thuật viên bán dẫn — lớp lớn',
    deliveryMode: 'in_person',
    provinceCode: null,
    minAttendancePct: 80,
    modules: [
      {
        title: 'Toàn khoá',
        lessons: Array.from({ length: TEXT_LESSONS }, (_, i) => ({
          title: `Bài ${i + 1}`,
          bodyHtml: `<p>Bài ${i + 1}</p>`,
        })),
      },
    ],
  });
  const moduleId = course.modules[0]!.id;
  const quizIds: string[] = [];
  for (let q = 0; q < QUIZZES; q++) {
    const quiz = await db
      .insertInto('quizzes')
      .values({ course_id: course.id, title: `Kiểm tra ${q + 1}`, pass_mark_pct: 70 })
      .returning('id')
      .executeTakeFirstOrThrow();
    quizIds.push(quiz.id);
    await db
      .insertInto('lessons')
      .values({
        course_id: course.id,
        module_id: moduleId,
        position: TEXT_LESSONS + q + 1,
        kind: 'quiz',
        title: `Kiểm tra ${q + 1}`,
        quiz_id: quiz.id,
        status: 'published',
      })
      .execute();
  }
  const cohort = await db
    .insertInto('cohorts')
    .values({ course_id: course.id, organisation_id: org.id, code: 'BENCH-1', name: 'Lớp 500 học viên' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const sessions = await db
    .insertInto('cohort_sessions')
    .values(
      Array.from({ length: SESSIONS }, (_, s) => {
        const start = Date.now() + (s - HELD + 0.5) * 7 * 86_400_000;
        return { cohort_id: cohort.id, starts_at: new Date(start), ends_at: new Date(start + 3 * 3_600_000) };
      }),
    )
    .returning(['id', 'starts_at'])
    .execute();
  const held = sessions.filter((s) => new Date(s.starts_at).getTime() <= Date.now());

  const people = await db
    .insertInto('people')
    .values(
      Array.from({ length: LEARNERS }, (_, i) => {
        const name = `${FAMILY[i % FAMILY.length]} ${GIVEN[(i * 7) % GIVEN.length]} ${i + 1}`;
        return { full_name: name, full_name_folded: foldVi(name) };
      }),
    )
    .returning('id')
    .execute();
  const enrolments = await db
    .insertInto('enrolments')
    .values(
      people.map((p) => ({
        cohort_id: cohort.id,
        person_id: p.id,
        status: 'enrolled' as const,
        source: 'roster' as const,
      })),
    )
    .returning('id')
    .execute();

  const textLessons = course.modules[0]!.lessonIds;
  const progress = enrolments.flatMap((e, i) =>
    textLessons
      .slice(0, (i * 13) % (TEXT_LESSONS + 1))
      .map((lesson_id) => ({ enrolment_id: e.id, lesson_id })),
  );
  await inBatches(progress, (b) => db.insertInto('lesson_progress').values(b).execute());
  const attempts = enrolments.flatMap((e, i) =>
    quizIds.flatMap((quiz_id, q) =>
      [0, 1].map((a) => {
        const score = (i * 17 + q * 29 + a * 41) % 101;
        return {
          quiz_id,
          enrolment_id: e.id,
          question_ids: '[]',
          submitted_at: new Date(),
          score_pct: score.toFixed(2),
          passed: score >= 70,
        };
      }),
    ),
  );
  await inBatches(attempts, (b) => db.insertInto('quiz_attempts').values(b).execute());
  const marks = enrolments.flatMap((e, i) =>
    held.map((s, k) => ({
      session_id: s.id,
      enrolment_id: e.id,
      status:
        (i + k) % 7 === 0
          ? ('absent' as const)
          : (i + k) % 11 === 0
            ? ('excused' as const)
            : ('present' as const),
    })),
  );
  await inBatches(marks, (b) => db.insertInto('attendance').values(b).execute());
  return {
    cohortId: cohort.id,
    rows: { progress: progress.length, attempts: attempts.length, marks: marks.length },
  };
}

export const gradebookScenario: Scenario = {
  prefix: 'learning.',
  description: `p95 of ${READS} gradebook reads: 1 cohort × ${LEARNERS} learners × ${TEXT_LESSONS + QUIZZES} lessons, quizzes and attendance, on PGlite`,
  async run(sc) {
    const dir = mkdtempSync(join(tmpdir(), 'nhanluc-bench-gradebook-'));
    const database = await openDatabase({ dataDir: join(dir, 'db') });
    try {
      await migrateToLatest(database.db);
      const ctx: AppContext = {
        database,
        db: database.db,
        config: loadConfig({ NODE_ENV: 'test', DATA_DIR: dir, LOG_LEVEL: 'silent' }),
        mail: new MemoryMailTransport(),
        storage: new MemoryFileStorage(),
        log: { info: () => undefined, warn: () => undefined, error: () => undefined },
      };
      sc.log(`building a cohort of ${LEARNERS} learners × ${TEXT_LESSONS + QUIZZES} lessons in ${dir}`);
      const { cohortId, rows } = await buildBenchCohort(ctx);
      sc.log(`${rows.progress} lessons done, ${rows.attempts} quiz attempts, ${rows.marks} attendance marks`);
      const actor: Actor = {
        userId: '00000000-0000-4000-8000-000000000000',
        email: 'bench@nhanluc.local',
        displayName: 'Bench',
        locale: 'vi',
        sessionId: 'bench',
        grants: [{ role: 'platform_admin', organisationId: null, organisationKind: null }],
      };
      const read = () => readGradebook(ctx, actor, cohortId, 'vi', { sort: 'name', page: 1, pageSize: 1000 });
      const first = await read();
      if (first.rows.length !== LEARNERS || first.lessons.length !== TEXT_LESSONS + QUIZZES)
        throw new Error(`gradebook has ${first.rows.length} rows × ${first.lessons.length} lessons`);
      for (let i = 1; i < WARMUP; i++) await read();
      const samples: number[] = [];
      // CPU time of the process (PGlite runs in it) says what a read costs when other work shares the machine.
      const cpu0 = process.cpuUsage();
      for (let i = 0; i < READS; i++) {
        const t0 = performance.now();
        await read();
        samples.push(performance.now() - t0);
      }
      const cpu = process.cpuUsage(cpu0);
      const cpuMs = (cpu.user + cpu.system) / 1000 / READS;
      const t0 = performance.now();
      const xlsx = await gradebookWorkbook(ctx, actor, cohortId, 'vi');
      const xlsxMs = performance.now() - t0;
      sc.log(
        `gradebook: p50 ${median(samples).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms, CPU ${cpuMs.toFixed(1)} ms a read; xlsx ${Math.round(xlsxMs)} ms, ${Math.round(xlsx.buffer.length / 1024)} KiB`,
      );
      return [
        figure({
          name: 'learning.gradebook.p95_ms',
          value: percentile(samples, 95),
          unit: 'ms',
          goal: { op: '<', target: 100 },
        }),
        figure({ name: 'learning.gradebook.p50_ms', value: median(samples), unit: 'ms' }),
        figure({ name: 'learning.gradebook.cpu_ms', value: cpuMs, unit: 'ms' }),
        figure({ name: 'learning.gradebook_xlsx_ms', value: xlsxMs, unit: 'ms' }),
      ];
    } finally {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

/**
 * The gradebook of a cohort: one row per enrolment, one column per published lesson (done, and the
 * best score of quiz lessons), attendance, progress and completion — as JSON and as an Excel sheet.
 * The figures come from the same assessment as completion (completion.ts), so the sheet never says
 * "done" where completion says otherwise. A whole cohort is read with a fixed handful of set-based
 * queries whatever its size (bench: learning.gradebook.p95_ms).
 */
import type { GradebookT } from '../../../common/contracts/enrolment';
import type { Locale } from '../../../common/i18n/locales';
import type { Actor } from '../../lib/actor';
import { hasRole } from '../../lib/actor';
import type { AppContext } from '../../lib/context';
import { notFound } from '../../lib/errors';
import { translate } from '../../lib/i18n';
import { assessEnrolments, lessonDone } from './completion';
import { policy } from './policy';
import { courseTitle } from './presenter';
import * as repo from './repo';

export type GradebookSort = 'name' | '-name' | 'progress' | '-progress';

/** The whole gradebook of a cohort, for the reader's language, after the access check. */
export async function buildGradebook(ctx: AppContext, actor: Actor, cohortId: string, locale: Locale) {
  const cohort = await repo.findCohort(ctx.db, cohortId);
  if (!cohort) throw notFound('cohort');
  const trains =
    hasRole(actor, 'trainer', cohort.organisation_id) &&
    (await repo.isCohortTrainer(ctx.db, cohortId, actor.userId));
  policy.readGradebook(actor, { organisationId: cohort.organisation_id, trains });

  const enrolments = await repo.gradebookEnrolments(ctx.db, cohortId);
  const rule = {
    course_id: cohort.course_id,
    cohort_id: cohortId,
    delivery_mode: cohort.delivery_mode,
    min_attendance_pct: cohort.min_attendance_pct,
  };
  const assessed = await assessEnrolments(
    ctx,
    enrolments.map((e) => ({ ...rule, id: e.id })),
    { cohortId },
  );
  // A course with no enrolment yet still shows its columns.
  const lessons = enrolments.length
    ? assessed.lessonsOf(cohort.course_id)
    : await repo.publishedLessons(ctx.db, [cohort.course_id]);
  const held = enrolments.length ? assessed.heldIn(cohortId) : 0;

  const rows = enrolments.map((e) => {
    const facts = assessed.facts(e.id);
    const a = assessed.assessment(e.id);
    return {
      enrolmentId: e.id,
      personId: e.person_id,
      fullName: e.full_name,
      folded: e.full_name_folded,
      status: e.status,
      cells: lessons.map((l) => ({
        done: lessonDone(l, facts),
        scorePct: l.kind === 'quiz' && l.quiz_id ? assessed.bestScore(e.id, l.quiz_id) : null,
      })),
      attendancePct: a.attendancePct,
      progressPct: e.status === 'completed' ? 100 : a.progressPct,
      completed: e.status === 'completed',
    };
  });
  return {
    cohort: {
      id: cohort.id,
      code: cohort.code,
      name: cohort.name,
      courseId: cohort.course_id,
      courseTitle: courseTitle(
        {
          title: cohort.course_title,
          translations: cohort.course_translations,
          language: cohort.course_language,
        },
        locale,
      ),
    },
    lessons: lessons.map((l) => ({ id: l.id, title: l.title, kind: l.kind, required: l.required })),
    sessionsHeld: held,
    minAttendancePct: cohort.delivery_mode === 'online' ? null : rule.min_attendance_pct,
    rows,
  };
}

type Built = Awaited<ReturnType<typeof buildGradebook>>;

function sortRows(rows: Built['rows'], sort: GradebookSort) {
  const byName = (a: Built['rows'][number], b: Built['rows'][number]) =>
    a.folded < b.folded ? -1 : a.folded > b.folded ? 1 : a.enrolmentId < b.enrolmentId ? -1 : 1;
  const dir = sort.startsWith('-') ? -1 : 1;
  return [...rows].sort((a, b) =>
    sort.endsWith('progress') ? dir * (a.progressPct - b.progressPct) || byName(a, b) : dir * byName(a, b),
  );
}

export async function readGradebook(
  ctx: AppContext,
  actor: Actor,
  cohortId: string,
  locale: Locale,
  q: { sort: GradebookSort; page: number; pageSize: number },
): Promise<GradebookT> {
  const g = await buildGradebook(ctx, actor, cohortId, locale);
  const sorted = sortRows(g.rows, q.sort);
  const start = (q.page - 1) * q.pageSize;
  return {
    ...g,
    rows: sorted.slice(start, start + q.pageSize).map(({ folded: _, ...r }) => r),
    total: g.rows.length,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Excel forbids these in sheet names and caps them at 31 characters. */
export function sheetName(text: string): string {
  return (
    text
      .normalize('NFC')
      .replace(/[[\]:*?/\\]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 31)
      .trim() || 'Sheet1'
  );
}

/** The gradebook as an .xlsx workbook in the reader's language, every learner on one sheet. */
export async function gradebookWorkbook(ctx: AppContext, actor: Actor, cohortId: string, locale: Locale) {
  const g = await buildGradebook(ctx, actor, cohortId, locale);
  const t = (key: string) => translate(locale, `enrolment.gradebook.${key}`);
  // exceljs loads on the first export, not at start-up (~0.3 s of imports).
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Nhân Lực';
  wb.created = new Date();
  const ws = wb.addWorksheet(sheetName(`${t('sheet')} ${g.cohort.code}`), {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }],
  });
  const lessonWidth = (title: string) => Math.max(10, Math.min(28, title.length + 2));
  ws.columns = [
    { header: t('fullName'), key: 'name', width: 30 },
    { header: t('status'), key: 'status', width: 16 },
    ...g.lessons.map((l, i) => ({
      header: l.required ? l.title : `${l.title} ${t('optional')}`,
      key: `l${i}`,
      width: lessonWidth(l.title),
    })),
    { header: t('attendance'), key: 'attendance', width: 13, style: { numFmt: '0.0%' } },
    { header: t('progress'), key: 'progress', width: 11, style: { numFmt: '0%' } },
    { header: t('completed'), key: 'completed', width: 13 },
  ];
  g.lessons.forEach((l, i) => {
    if (l.kind === 'quiz') ws.getColumn(`l${i}`).numFmt = '0%';
  });
  for (const r of sortRows(g.rows, 'name')) {
    const row: Record<string, string | number | null> = {
      name: r.fullName,
      status: translate(locale, `enrolment.status.${r.status}`),
      attendance: r.attendancePct === null ? null : r.attendancePct / 100,
      progress: r.progressPct / 100,
      completed: r.completed ? t('yes') : t('no'),
    };
    r.cells.forEach((c, i) => {
      row[`l${i}`] = c.scorePct !== null ? c.scorePct / 100 : c.done ? '✓' : null;
    });
    ws.addRow(row);
  }
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  header.height = 45;
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  const safeCode = g.cohort.code.replace(/[^A-Za-z0-9._-]/g, '_');
  return { buffer, filename: `gradebook-${safeCode}.xlsx` };
}

/**
 * The person's copy of their data as one readable HTML page in their language: self-contained (inline
 * style, no script, no outside resource, a CSP that forbids both), every value HTML-escaped. It is
 * drawn from the same object as the JSON download, so both always say the same.
 */
import type { PersonalDataExportT } from '../../../common/contracts/privacy';
import { intlTag, type Locale, timeZone } from '../../../common/i18n/locales';
import { translate } from '../../lib/i18n';

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => escapes[c]!);

/** Text that is already escaped HTML; everything else passed to the builders is escaped. */
class Html {
  constructor(readonly html: string) {}
}
type Cell = string | number | boolean | null | undefined | Html;

export function renderPersonalDataHtml(d: PersonalDataExportT, locale: Locale): string {
  const t = (key: string, params: Record<string, unknown> = {}) =>
    translate(locale, `privacy.${key}`, params);
  /** A translation when there is one, else the code itself. */
  const word = (key: string, code: string) => {
    const text = translate(locale, key);
    return text === key ? code : text;
  };
  const dateTime = (v: string) =>
    new Intl.DateTimeFormat(intlTag[locale], { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
      new Date(v),
    );
  const date = (v: string) =>
    new Intl.DateTimeFormat(intlTag[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${v}T00:00:00Z`),
    );
  const yesNo = (v: boolean | null) => (v === null ? t('none') : v ? t('yes') : t('no'));
  const when = (v: string | null) => (v ? dateTime(v) : t('none'));

  const cell = (v: Cell): string => {
    if (v instanceof Html) return v.html;
    if (v === null || v === undefined || v === '') return escapeHtml(t('none'));
    if (typeof v === 'boolean') return escapeHtml(yesNo(v));
    return escapeHtml(String(v));
  };
  const section = (key: string, body: string) =>
    `<section aria-labelledby="s-${key}"><h2 id="s-${key}">${escapeHtml(t(`sections.${key}`))}</h2>${body}</section>`;
  const fields = (rows: [string, Cell][]) =>
    `<dl>${rows.map(([k, v]) => `<dt>${escapeHtml(t(`fields.${k}`))}</dt><dd>${cell(v)}</dd>`).join('')}</dl>`;
  const table = (columns: string[], rows: Cell[][]) =>
    rows.length === 0
      ? `<p class="empty">${escapeHtml(t('empty'))}</p>`
      : `<div class="scroll"><table><thead><tr>${columns
          .map((c) => `<th scope="col">${escapeHtml(t(`fields.${c}`))}</th>`)
          .join('')}</tr></thead><tbody>${rows
          .map((r) => `<tr>${r.map((v) => `<td>${cell(v)}</td>`).join('')}</tr>`)
          .join('')}</tbody></table></div>`;

  const a = d.account;
  const account = fields([
    ['email', a.email],
    ['displayName', a.displayName],
    ['language', a.language],
    ['createdAt', when(a.createdAt)],
    ['updatedAt', when(a.updatedAt)],
    [
      'roles',
      a.roles.map((r) => `${r.role}${r.organisation ? ` (${r.organisation})` : ''}`).join(', ') || null,
    ],
  ]);

  const p = d.person;
  const person = p
    ? fields([
        ['fullName', p.fullName],
        ['sex', p.sex ? t(`sex.${p.sex}`) : null],
        ['dateOfBirth', p.dateOfBirth ? date(p.dateOfBirth) : null],
        ['province', p.province ?? p.provinceCode],
        ['commune', p.commune ?? p.communeCode],
        ['nationalId', p.nationalId],
        ['phone', p.phone],
        ['email', p.email],
        ['disability', new Html(`${cell(p.disability)} <small>${escapeHtml(t('sensitive'))}</small>`)],
        ['createdAt', when(p.createdAt)],
        ['updatedAt', when(p.updatedAt)],
        ['knownTo', p.knownTo.map((k) => `${k.organisation} (${when(k.since)})`).join(', ') || null],
      ])
    : `<p class="empty">${escapeHtml(t('empty'))}</p>`;

  const enrolments = table(
    ['course', 'cohort', 'organisation', 'status', 'enrolledAt', 'completedAt', 'endedAt'],
    d.enrolments.map((e) => [
      e.course,
      `${e.cohortCode} — ${e.cohortName}`,
      e.organisation,
      word(`enrolment.status.${e.status}`, e.status),
      when(e.enrolledAt),
      when(e.completedAt),
      when(e.endedAt),
    ]),
  );
  const attendance = table(
    ['cohort', 'session', 'topic', 'status', 'recordedAt'],
    d.attendance.map((x) => [x.cohortCode, when(x.sessionStartsAt), x.topic, x.status, when(x.recordedAt)]),
  );
  const progress = table(
    ['course', 'lesson', 'completedAt'],
    d.lessonProgress.map((x) => [x.course, x.lesson, when(x.completedAt)]),
  );
  const attempts = table(
    ['course', 'quiz', 'startedAt', 'submittedAt', 'score', 'passed'],
    d.quizAttempts.map((x) => [
      x.course,
      x.quiz,
      when(x.startedAt),
      when(x.submittedAt),
      x.scorePct,
      x.passed,
    ]),
  );
  const credentials = table(
    ['course', 'issuer', 'issuedAt', 'validUntil', 'status', 'revokedAt', 'reason'],
    d.credentials.map((c) => [
      c.course,
      c.issuer,
      when(c.issuedAt),
      when(c.validUntil),
      c.status,
      when(c.revokedAt),
      c.revocationReason
        ? word(`credentials.revocationReasons.${c.revocationReason}`, c.revocationReason)
        : null,
    ]),
  );
  const consents = d.consents.current
    .map(
      (c) =>
        `<article><h3>${escapeHtml(c.title)}</h3><p><strong>${escapeHtml(
          t(c.granted ? 'consent.granted' : 'consent.notGranted'),
        )}</strong>${c.recordedAt ? ` · ${escapeHtml(when(c.recordedAt))}` : ''}${
          c.wordingVersion
            ? ` · ${escapeHtml(t('fields.wordingVersion'))} ${escapeHtml(c.wordingVersion)}`
            : ''
        }${
          c.wordingVersion && !c.answeredCurrentWording ? ` · ${escapeHtml(t('consent.outdated'))}` : ''
        }</p><p class="wording">${escapeHtml(c.wording)}</p></article>`,
    )
    .join('');
  const tp = d.talentProfile;
  const talent = tp
    ? fields([
        ['headline', tp.headline],
        ['province', tp.provinceCode],
        ['workInJapan', tp.workInJapan],
        ['relocate', tp.relocate],
        ['jlpt', tp.jlpt],
        ['cvFile', tp.cvFile],
        ['updatedAt', when(tp.updatedAt)],
      ]) +
      table(
        ['skill', 'level', 'source'],
        tp.skills.map((x) => [x.skill, x.level, word(`talentSource.${x.source}`, x.source)]),
      ) +
      table(
        ['school', 'degree', 'year'],
        tp.education.map((e) => [String(e.school ?? ''), String(e.degree ?? ''), String(e.year ?? '')]),
      ) +
      table(
        ['employer', 'title', 'from', 'to'],
        tp.experience.map((e) => [
          String(e.employer ?? ''),
          String(e.title ?? ''),
          String(e.from ?? ''),
          String(e.to ?? ''),
        ]),
      )
    : `<p class="empty">${escapeHtml(t('empty'))}</p>`;
  const applications = table(
    ['job', 'employer', 'status', 'appliedAt', 'updatedAt'],
    d.applications.map((a) => [
      a.job,
      a.employer,
      word(`applicationStatus.${a.status}`, a.status),
      when(a.appliedAt),
      when(a.updatedAt),
    ]),
  );
  const events = table(
    ['event', 'organisation', 'startsAt', 'place', 'registeredAt', 'walkIn', 'checkedInAt'],
    d.events.map((e) => [
      e.event,
      e.organiser,
      when(e.startsAt),
      e.online ? t('online') : e.province,
      when(e.registeredAt),
      e.walkIn,
      when(e.checkedInAt),
    ]),
  );
  const titleOf = (purpose: string) =>
    d.consents.current.find((c) => c.purpose === purpose)?.title ?? purpose;
  const consentHistory = table(
    ['recordedAt', 'purpose', 'granted', 'wordingVersion', 'source'],
    d.consents.history.map((h) => [
      when(h.recordedAt),
      titleOf(h.purpose),
      t(h.granted ? 'consent.granted' : 'consent.notGranted'),
      h.wordingVersion,
      t(`source.${h.source}`),
    ]),
  );
  const notifications = table(
    ['createdAt', 'title', 'body', 'readAt'],
    d.notifications.map((n) => [when(n.createdAt), n.title, n.body, when(n.readAt)]),
  );
  const audit = table(
    ['at', 'action', 'entity', 'by', 'details', 'ip'],
    d.audit.map((x) => [
      when(x.at),
      x.action,
      `${x.entityType}${x.entityId ? ` ${x.entityId}` : ''}`,
      t(x.byYou ? 'by.you' : 'by.others'),
      new Html(`<code>${escapeHtml(JSON.stringify(x.details))}</code>`),
      x.ip,
    ]),
  );

  const title = t('title');
  return `<!doctype html>
<html lang="${escapeHtml(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans JP",sans-serif;margin:0 auto;max-width:70rem;padding:1rem;color:#1a1b1e;line-height:1.5}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ced4da;padding-bottom:.25rem}h3{font-size:1.05rem;margin:1rem 0 .25rem}
dl{display:grid;grid-template-columns:minmax(8rem,max-content) 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #dee2e6;padding:.35rem .5rem;text-align:left;vertical-align:top}th{background:#f1f3f5}
code{font-size:.8rem;overflow-wrap:anywhere}.empty,.meta{color:#495057}.wording{margin-top:0}
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(t('intro'))}</p>
<p class="meta">${escapeHtml(t('generatedAt', { date: dateTime(d.generatedAt) }))}</p>
${section('account', account)}
${section('person', person)}
${section('enrolments', enrolments)}
${section('attendance', attendance)}
${section('lessonProgress', progress)}
${section('quizAttempts', attempts)}
${section('credentials', credentials)}
${section('talentProfile', talent)}
${section('applications', applications)}
${section('events', events)}
${section('consents', consents)}
${section('consentHistory', consentHistory)}
${section('notifications', notifications)}
${section('audit', audit)}
</main>
</body>
</html>
`;
}

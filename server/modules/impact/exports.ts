/**
 * A dashboard as files donors accept: XLSX (a summary sheet, then one sheet per indicator with its
 * breakdowns and trend, formatted: bold headers, number formats, frozen header rows, column widths),
 * CSV (UTF-8 with a BOM so Excel shows Vietnamese, one row per number, long format) and a printable
 * PDF (the same font as certificates, which draws Vietnamese and Japanese). Every label in the
 * viewer's language; unique totals say that rows of a record breakdown do not add up.
 */
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import type { CardT, DashboardT } from '../../../common/contracts/impact';
import type { Locale } from '../../../common/i18n/locales';
import { translate } from '../../lib/i18n';
import { certificateFonts } from '../credentials/pdf';

const t = (locale: Locale, key: string) => translate(locale, `impact.${key}`);

const periodText = (d: DashboardT) => `${d.period.from} – ${d.period.to}`;
const isPercent = (c: CardT) => c.indicator.unit === 'percent';
const round = (v: number | null, percent: boolean) =>
  v === null ? null : percent ? Math.round(v * 10) / 10 : v;

function fileBase(d: DashboardT) {
  const p = d.period.year ? `-${d.period.year}${d.period.quarter ? `-q${d.period.quarter}` : ''}` : '';
  return `impact-${d.program.code}${p}`;
}

/** RFC 4180 field */
const csvField = (v: string | number | null | undefined) => {
  const s = v === null || v === undefined ? '' : String(v);
  // a leading = + - @ would be a formula in Excel: neutralise it
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

export function dashboardCsv(d: DashboardT, locale: Locale) {
  const header = [
    t(locale, 'export.program'),
    t(locale, 'export.period'),
    t(locale, 'export.code'),
    t(locale, 'export.indicator'),
    t(locale, 'export.unit'),
    t(locale, 'export.dimension'),
    t(locale, 'export.group'),
    t(locale, 'export.value'),
    t(locale, 'export.numerator'),
    t(locale, 'export.denominator'),
    t(locale, 'export.target'),
  ];
  const rows: (string | number | null)[][] = [];
  for (const c of d.cards) {
    const pct = isPercent(c);
    const base = [
      d.program.name,
      periodText(d),
      c.indicator.code,
      c.indicator.name,
      pct ? '%' : t(locale, 'export.count'),
    ];
    rows.push([
      ...base,
      '',
      t(locale, 'export.total'),
      round(c.value, pct),
      c.numerator ?? null,
      c.denominator ?? null,
      c.target,
    ]);
    for (const b of [...c.breakdowns, { dimension: 'quarter' as const, groups: c.trend }])
      for (const g of b.groups)
        rows.push([
          ...base,
          t(locale, `dimension.${b.dimension}`),
          g.label,
          round(g.value, pct),
          g.numerator ?? null,
          g.denominator ?? null,
          null,
        ]);
  }
  const text = [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n');
  return {
    filename: `${fileBase(d)}.csv`,
    contentType: 'text/csv; charset=utf-8',
    body: Buffer.from(`\uFEFF${text}\r\n`, 'utf8'),
  };
}

export async function dashboardXlsx(d: DashboardT, locale: Locale) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Nhân Lực';
  wb.created = new Date(d.computedAt);
  const bold = { bold: true };
  const summary = wb.addWorksheet(t(locale, 'export.summary').slice(0, 31));
  summary.addRow([d.program.name]).font = { bold: true, size: 14 };
  summary.addRow([t(locale, 'export.period'), periodText(d)]);
  if (d.partner) summary.addRow([t(locale, 'export.partner'), d.partner.name]);
  summary.addRow([t(locale, 'export.generated'), d.computedAt]);
  summary.addRow([]);
  const head = summary.addRow([
    t(locale, 'export.code'),
    t(locale, 'export.indicator'),
    t(locale, 'export.unit'),
    t(locale, 'export.value'),
    t(locale, 'export.target'),
    t(locale, 'export.progress'),
    t(locale, 'export.manual'),
  ]);
  head.font = bold;
  for (const c of d.cards) {
    const pct = isPercent(c);
    const row = summary.addRow([
      c.indicator.code,
      c.indicator.name,
      pct ? '%' : t(locale, 'export.count'),
      round(c.value, pct),
      c.target,
      c.progress,
      c.manual.reports ? c.manual.approved : null,
    ]);
    row.getCell(4).numFmt = pct ? '0.0' : '#,##0';
    row.getCell(5).numFmt = pct ? '0.0' : '#,##0';
    row.getCell(6).numFmt = '0%';
  }
  summary.columns.forEach((col, i) => {
    col.width = [14, 44, 8, 12, 12, 10, 22][i] ?? 12;
  });
  summary.views = [{ state: 'frozen', ySplit: head.number }];

  const usedNames = new Set<string>();
  for (const c of d.cards) {
    let name = c.indicator.code.slice(0, 31);
    for (let k = 2; usedNames.has(name); k++) name = `${c.indicator.code.slice(0, 28)}_${k}`;
    usedNames.add(name);
    const ws = wb.addWorksheet(name);
    const pct = isPercent(c);
    ws.addRow([c.indicator.name]).font = { bold: true, size: 13 };
    ws.addRow([c.indicator.definition]).alignment = { wrapText: true };
    ws.mergeCells(2, 1, 2, 5);
    ws.getRow(2).height = 45;
    ws.addRow([t(locale, 'export.period'), periodText(d)]);
    const total = ws.addRow([
      t(locale, 'export.total'),
      round(c.value, pct),
      c.numerator ?? null,
      c.denominator ?? null,
      c.target,
    ]);
    total.font = bold;
    total.getCell(2).numFmt = pct ? '0.0' : '#,##0';
    for (const b of [...c.breakdowns, { dimension: 'quarter' as const, addsUp: false, groups: c.trend }]) {
      ws.addRow([]);
      ws.addRow([t(locale, `dimension.${b.dimension}`)]).font = { bold: true, size: 12 };
      const h = ws.addRow([
        t(locale, 'export.group'),
        t(locale, 'export.value'),
        ...(pct ? [t(locale, 'export.numerator'), t(locale, 'export.denominator')] : []),
      ]);
      h.font = bold;
      for (const g of b.groups) {
        const r = ws.addRow([
          g.label,
          round(g.value, pct),
          ...(pct ? [g.numerator ?? null, g.denominator ?? null] : []),
        ]);
        r.getCell(2).numFmt = pct ? '0.0' : '#,##0';
      }
      if (!b.addsUp && b.dimension !== 'quarter')
        ws.addRow([t(locale, 'notAdditive')]).font = { italic: true };
    }
    ws.getColumn(1).width = 40;
    for (const k of [2, 3, 4, 5]) ws.getColumn(k).width = 14;
  }
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  return {
    filename: `${fileBase(d)}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body,
  };
}

export function dashboardPdf(
  d: DashboardT,
  locale: Locale,
): Promise<{ filename: string; contentType: string; body: Buffer }> {
  const { regular, bold } = certificateFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    font: regular as unknown as string,
    info: { Title: `${d.program.name} — ${periodText(d)}` },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const fmt = new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : locale === 'ja' ? 'ja-JP' : 'en-GB', {
    maximumFractionDigits: 1,
  });
  const num = (v: number | null, pct: boolean) =>
    v === null ? '—' : `${fmt.format(round(v, pct)!)}${pct ? ' %' : ''}`;
  const regularFont = regular as unknown as string;
  const boldFont = bold as unknown as string;

  doc.font(boldFont).fontSize(18).text(d.program.name);
  doc
    .font(regularFont)
    .fontSize(10)
    .fillColor('#444')
    .text(`${t(locale, 'export.period')}: ${periodText(d)}`);
  if (d.partner) doc.text(`${t(locale, 'export.partner')}: ${d.partner.name}`);
  doc
    .text(`${t(locale, 'export.generated')}: ${d.computedAt}`)
    .fillColor('black')
    .moveDown();

  for (const c of d.cards) {
    const pct = isPercent(c);
    if (doc.y > 700) doc.addPage();
    doc.font(boldFont).fontSize(13).text(`${c.indicator.name} (${c.indicator.code})`);
    doc.font(regularFont).fontSize(9).fillColor('#444').text(c.indicator.definition).fillColor('black');
    doc
      .fontSize(11)
      .text(
        `${t(locale, 'export.value')}: ${num(c.value, pct)}` +
          (c.target !== null ? `   ${t(locale, 'export.target')}: ${num(c.target, pct)}` : '') +
          (c.progress !== null
            ? `   ${t(locale, 'export.progress')}: ${Math.round(c.progress * 100)} %`
            : ''),
      );
    if (c.manual.reports)
      doc.fontSize(9).text(`${t(locale, 'export.manual')}: ${fmt.format(c.manual.approved)}`);
    for (const b of c.breakdowns) {
      if (b.groups.length === 0) continue;
      if (doc.y > 740) doc.addPage();
      const line = b.groups
        .slice(0, 12)
        .map((g) => `${g.label}: ${num(g.value, pct)}`)
        .join(' · ');
      doc
        .fontSize(9)
        .font(boldFont)
        .text(`${t(locale, `dimension.${b.dimension}`)}: `, { continued: true })
        .font(regularFont)
        .text(line);
      if (!b.addsUp) doc.fontSize(8).fillColor('#666').text(t(locale, 'notAdditive')).fillColor('black');
    }
    doc.moveDown();
  }
  doc.end();
  return done.then((body) => ({ filename: `${fileBase(d)}.pdf`, contentType: 'application/pdf', body }));
}

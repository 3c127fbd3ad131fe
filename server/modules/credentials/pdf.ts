/**
 * The printable certificate: A4 landscape, in the course's teaching language, with a QR code to the
 * public verification page and the VC-JWT attached inside the PDF, so the file carries its own proof.
 * One font (Noto Sans JP from Google Fonts, which also covers Latin with every Vietnamese letter)
 * renders all three languages; a test checks its coverage letter by letter.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { intlTag, type Locale, timeZone } from '../../../common/i18n/locales';
import { translate } from '../../lib/i18n';

export interface CertificateInput {
  language: Locale;
  credentialId: string;
  learnerName: string;
  courseTitle: string;
  durationHours: number;
  issuerName: string;
  issuedAt: Date;
  /** The stable URL that is the credential's id, printed on the page. */
  credentialUrl: string;
  /** Where the QR code leads: the public verification page. */
  verifyUrl: string;
  jwt: string;
}

const require = createRequire(import.meta.url);
const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf',
} as const;

type Font = fontkit.Font;
let fonts: { regular: Font; bold: Font } | undefined;

/**
 * The fonts, parsed once per process: parsing a 5 MB CJK font costs ~100 ms, four times the rest of a
 * certificate. pdfkit accepts a parsed font and subsets it per document, so sharing it is safe.
 */
export function certificateFonts() {
  if (!fonts) {
    const open = (file: string) => fontkit.create(readFileSync(require.resolve(file))) as Font;
    fonts = { regular: open(FONT_FILES.regular), bold: open(FONT_FILES.bold) };
  }
  return fonts;
}

/** Characters of `text` the certificate fonts cannot draw (white space aside). */
export function missingGlyphs(text: string): string[] {
  const { regular, bold } = certificateFonts();
  return [...new Set(text)].filter(
    (ch) =>
      ch.trim() !== '' &&
      (!regular.hasGlyphForCodePoint(ch.codePointAt(0)!) || !bold.hasGlyphForCodePoint(ch.codePointAt(0)!)),
  );
}

/** A date as a certificate writes it, in the language's own words, on Vietnam's calendar day. */
export function certificateDate(date: Date, language: Locale): string {
  const numeric = numericDate.formatToParts(date);
  const n = (type: string) => numeric.find((p) => p.type === type)!.value;
  return translate(language, 'credentials.pdf.date', {
    day: n('day'),
    month: n('month'),
    year: n('year'),
    monthName: monthNames[language].format(date),
  });
}

// Made once: building an Intl formatter costs more than drawing a page of text.
const numericDate = new Intl.DateTimeFormat('en-GB', {
  timeZone,
  day: 'numeric',
  month: 'numeric',
  year: 'numeric',
});
const monthNames = Object.fromEntries(
  (Object.keys(intlTag) as Locale[]).map((l) => [
    l,
    new Intl.DateTimeFormat(intlTag[l], { timeZone, month: 'long' }),
  ]),
) as Record<Locale, Intl.DateTimeFormat>;

const NAVY = '#1d3a6e';
const GOLD = '#a8741a';
const INK = '#1f2933';
const MUTED = '#52606d';

/**
 * A QR code drawn as vector squares, one rectangle per run of dark modules: sharp at any zoom or
 * print size, and cheaper than encoding a PNG that pdfkit would then decode again.
 */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 2;
  const cell = size / (modules.size + 2 * quiet);
  doc.save().rect(x, y, size, size).fill('#ffffff').fillColor('#000000');
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      // A hair of overlap so no white seam shows between neighbouring squares when rasterised.
      doc.rect(
        x + (quiet + start) * cell,
        y + (quiet + row) * cell,
        (col - start) * cell + 0.05,
        cell + 0.05,
      );
    }
  }
  doc.fill().restore();
}

export async function renderCertificatePdf(input: CertificateInput): Promise<Buffer> {
  // Names pasted from PDFs or spreadsheets may be decomposed (NFD); the font draws the precomposed
  // Vietnamese letters, so every text is composed first.
  const c: CertificateInput = {
    ...input,
    learnerName: input.learnerName.normalize('NFC'),
    courseTitle: input.courseTitle.normalize('NFC'),
    issuerName: input.issuerName.normalize('NFC'),
  };
  const t = (key: string, params: Record<string, unknown> = {}) =>
    translate(c.language, `credentials.pdf.${key}`, params);
  const { regular, bold } = certificateFonts();

  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    // Our font from the start: otherwise every document parses Helvetica's metrics, never used.
    font: regular as unknown as string,
    lang: { vi: 'vi-VN', en: 'en-GB', ja: 'ja-JP' }[c.language],
    displayTitle: true,
    info: {
      Title: `${t('title')} — ${c.courseTitle}`,
      Author: c.issuerName,
      Subject: c.learnerName,
      Keywords: c.credentialUrl,
      CreationDate: c.issuedAt,
    },
  });
  // pdfkit takes an already parsed fontkit font where its types say a path (it checks for `layout`).
  doc.registerFont('regular', regular as unknown as string);
  doc.registerFont('bold', bold as unknown as string);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const W = doc.page.width;
  const H = doc.page.height;
  // Frame: a navy rule with a thin gold one inside.
  doc
    .lineWidth(6)
    .strokeColor(NAVY)
    .rect(24, 24, W - 48, H - 48)
    .stroke();
  doc
    .lineWidth(1.2)
    .strokeColor(GOLD)
    .rect(36, 36, W - 72, H - 72)
    .stroke();

  /** One centred line, shrunk until it fits the width (long names, long course titles). */
  const centred = (
    text: string,
    y: number,
    font: 'regular' | 'bold',
    size: number,
    color: string,
    width = W - 160,
  ) => {
    let s = size;
    doc.font(font);
    while (s > 8 && doc.fontSize(s).widthOfString(text) > width) s -= 1;
    doc
      .fillColor(color)
      .fontSize(s)
      .text(text, (W - width) / 2, y, { width, align: 'center', lineBreak: false });
    return s;
  };

  centred(t('platform'), 58, 'regular', 11, MUTED);
  centred(t('title'), 96, 'bold', 34, NAVY);
  doc
    .lineWidth(1)
    .strokeColor(GOLD)
    .moveTo(W / 2 - 90, 150)
    .lineTo(W / 2 + 90, 150)
    .stroke();
  centred(t('certifies'), 170, 'regular', 14, INK);
  centred(c.learnerName, 196, 'bold', 30, INK);
  centred(t('completed'), 252, 'regular', 14, INK);

  // The course title may need two lines; it is the one block allowed to wrap.
  doc.font('bold').fontSize(20).fillColor(NAVY);
  const titleWidth = W - 200;
  let titleSize = 20;
  while (titleSize > 11 && doc.fontSize(titleSize).heightOfString(c.courseTitle, { width: titleWidth }) > 56)
    titleSize -= 1;
  doc.fontSize(titleSize).text(c.courseTitle, 100, 278, { width: titleWidth, align: 'center' });
  centred(t('hours', { hours: c.durationHours }), 342, 'regular', 12, MUTED);

  // Issuer and date, bottom left.
  const left = 80;
  doc.font('regular').fontSize(10).fillColor(MUTED).text(t('issuedBy'), left, 400, { lineBreak: false });
  doc.font('bold').fontSize(14).fillColor(INK).text(c.issuerName, left, 415, { width: 470, height: 40 });
  doc.font('regular').fontSize(10).fillColor(MUTED).text(t('issuedOn'), left, 458, { lineBreak: false });
  doc
    .font('bold')
    .fontSize(13)
    .fillColor(INK)
    .text(certificateDate(c.issuedAt, c.language), left, 473, { lineBreak: false });

  // The QR code to the verification page, bottom right.
  const qrSize = 104;
  const qrX = W - 80 - qrSize;
  drawQr(doc, c.verifyUrl, qrX, 388, qrSize);
  doc
    .font('regular')
    .fontSize(8)
    .fillColor(MUTED)
    .text(t('scan'), qrX - 40, 388 + qrSize + 4, { width: qrSize + 80, align: 'center' });

  // The stable URL and id, printed so the certificate can be checked without a camera.
  doc
    .font('regular')
    .fontSize(9)
    .fillColor(MUTED)
    .text(`${t('verify')} ${c.credentialUrl}`, 60, H - 74, {
      width: W - 120,
      align: 'center',
      lineBreak: false,
    });
  doc.fontSize(8).text(`${t('credentialId')}: ${c.credentialId}`, 60, H - 60, {
    width: W - 120,
    align: 'center',
    lineBreak: false,
  });

  // The signed credential travels inside the file: a verifier can check it offline.
  doc.file(Buffer.from(c.jwt), {
    name: `${c.credentialId}.jwt`,
    type: 'application/vc+jwt',
    description: 'Open Badges 3.0 credential (VC-JWT)',
    creationDate: c.issuedAt,
    modifiedDate: c.issuedAt,
  });

  doc.end();
  return done;
}

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import en from '../../../common/i18n/messages/en.json' with { type: 'json' };
import ja from '../../../common/i18n/messages/ja.json' with { type: 'json' };
import vi from '../../../common/i18n/messages/vi.json' with { type: 'json' };
import { type CertificateInput, certificateDate, missingGlyphs, renderCertificatePdf } from './pdf';

const VIETNAMESE =
  'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ';
const SAMPLES = [
  'Nguyễn Thị Ánh Tuyết',
  'Phạm Quốc Huy',
  'Huỳnh Thanh Tâm — Trường Nghề số An Giang',
  '修了証明書',
  '半導体製造の指導者養成講座（日本語）',
  '九州半導体人材育成センター',
  'Tanaka Yūko',
];

const hasPoppler = spawnSync('pdftotext', ['-v']).error === undefined;
const dir = mkdtempSync(join(tmpdir(), 'nhanluc-cert-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const id = '3f2b8c1e-9a4d-4e2f-8b7a-1c2d3e4f5a6b';
const input = (c: Partial<CertificateInput>): CertificateInput => ({
  language: 'vi',
  credentialId: id,
  learnerName: 'Nguyễn Thị Ánh Tuyết',
  courseTitle: 'Kỹ thuật viên bán dẫn: đóng gói và kiểm thử vi mạch',
  durationHours: 120,
  issuerName: 'Trung tâm Đào tạo Bán dẫn Hoà Lạc',
  // 18:30 UTC is already the next day in Vietnam.
  issuedAt: new Date('2026-11-24T18:30:00Z'),
  credentialUrl: `https://nhanluc.test/credentials/${id}`,
  verifyUrl: `https://nhanluc.test/verify/${id}`,
  jwt: 'eyJhbGciOiJFZERTQSJ9.eyJ0ZXN0Ijp0cnVlfQ.c2ln',
  ...c,
});

/** pdftotext's words, normalised: PDF text extraction may give decomposed (NFD) letters. */
function textOf(pdf: Buffer, name: string) {
  const file = join(dir, name);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).normalize('NFC');
}

describe('certificate fonts', () => {
  it('draw every Vietnamese letter, the sample names and titles, and every certificate text in three languages', () => {
    const texts = [VIETNAMESE, VIETNAMESE.toUpperCase(), ...SAMPLES];
    for (const messages of [vi, en, ja]) texts.push(...Object.values(messages.credentials.pdf));
    expect(missingGlyphs(texts.join(''))).toEqual([]);
    // The check itself can fail: a Devanagari letter is not in the font.
    expect(missingGlyphs('क')).toEqual(['क']);
  });
});

describe('certificate date', () => {
  it("is written in each language's words, on Vietnam's calendar day", () => {
    const d = new Date('2026-11-24T18:30:00Z');
    expect(certificateDate(d, 'vi')).toBe('ngày 25 tháng 11 năm 2026');
    expect(certificateDate(d, 'en')).toBe('25 November 2026');
    expect(certificateDate(d, 'ja')).toBe('2026年11月25日');
  });
});

describe.skipIf(!hasPoppler)('certificate PDF (needs poppler-utils: pdftotext, pdfdetach)', () => {
  it('prints the Vietnamese certificate with every diacritic, the QR link and the stable URL', async () => {
    const pdf = await renderCertificatePdf(input({}));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const info = execFileSync('pdfinfo', ['-'], { input: pdf, encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
    const text = textOf(pdf, 'vi.pdf');
    for (const expected of [
      'GIẤY CHỨNG NHẬN',
      'Nguyễn Thị Ánh Tuyết',
      'đã hoàn thành khoá học',
      'Kỹ thuật viên bán dẫn: đóng gói và kiểm thử vi mạch',
      'Thời lượng: 120 giờ',
      'Trung tâm Đào tạo Bán dẫn Hoà Lạc',
      'ngày 25 tháng 11 năm 2026',
      `https://nhanluc.test/credentials/${id}`,
    ])
      expect(text).toContain(expected);
  });

  it('composes a decomposed (NFD) name before drawing it', async () => {
    const file = join(dir, 'nfd.pdf');
    writeFileSync(
      file,
      await renderCertificatePdf(input({ learnerName: 'Nguyễn Thị Ánh Tuyết'.normalize('NFD') })),
    );
    // Read back without normalising: precomposed glyphs come out as precomposed letters.
    const raw = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(raw).toContain('Nguyễn Thị Ánh Tuyết'.normalize('NFC'));
  });

  it('prints the Japanese certificate, with a Vietnamese name', async () => {
    const text = textOf(
      await renderCertificatePdf(
        input({
          language: 'ja',
          learnerName: 'Phạm Quốc Huy',
          courseTitle: '半導体製造の指導者養成講座',
          issuerName: '九州半導体人材育成センター',
        }),
      ),
      'ja.pdf',
    );
    for (const expected of [
      '修了証明書',
      'Phạm Quốc Huy',
      '次の講座を修了したことを証明します',
      '半導体製造の指導者養成講座',
      '九州半導体人材育成センター',
      '2026年11月25日',
    ])
      expect(text).toContain(expected);
  });

  it('carries the VC-JWT inside the file', async () => {
    const file = join(dir, 'attached.pdf');
    writeFileSync(file, await renderCertificatePdf(input({})));
    expect(execFileSync('pdfdetach', ['-list', file], { encoding: 'utf8' })).toContain(`${id}.jwt`);
    const out = join(dir, 'out.jwt');
    execFileSync('pdfdetach', ['-save', '1', '-o', out, file]);
    expect(readFileSync(out, 'utf8')).toBe(input({}).jwt);
  });
});

if (!hasPoppler) {
  describe('certificate PDF', () => {
    it.skip('is checked with pdftotext: install poppler-utils (apt-get install -y poppler-utils)', () => {});
  });
}

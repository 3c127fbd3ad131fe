/**
 * Certificates: how fast the platform signs and verifies Open Badges credentials, against a bare
 * node:crypto Ed25519 sign/verify loop over a signing input of the same size in the same run, and how
 * many PDF certificates it draws per second.
 *
 * What "ours" includes: signing = building the credential object, JSON + base64url, Ed25519 with the
 * issuer's decrypted key (cached per kid, as in the server); verifying = splitting and decoding the
 * JWT, checking the Open Badges required fields, and the Ed25519 check with the issuer's public key
 * (cached per kid). Database look-ups are not included: they are the HTTP scenarios' business.
 * Everything runs on this thread, one operation after another: one core. The clock is this process's
 * CPU time (user + system), not the wall: on a shared two-core machine other processes take turns on
 * our core, and wall-clock rates would measure them too (the wall-clock rates are logged beside).
 * Rounds alternate baseline and ours, and each figure is the median of its rounds.
 */
import { randomUUID, sign, verify } from 'node:crypto';
import { generateIssuerKey, privateKeyFor, publicKeyFor } from '../../server/modules/credentials/keys';
import { renderCertificatePdf } from '../../server/modules/credentials/pdf';
import {
  buildCredential,
  type CredentialFacts,
  credentialProblems,
  credentialUrls,
  parseJwt,
  signJwt,
  verifySignature,
} from '../../server/modules/credentials/vc';
import { figure } from '../lib/figure';
import type { Scenario } from '../lib/scenario';
import { median } from '../lib/stats';

const ROUNDS = 5;
const ROUND_MS = 400;
const PDF_COUNT = 40;
const APP_URL = 'https://nhanluc.nic.gov.vn';
const SECRET = Buffer.alloc(32, 9).toString('base64');

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Operations per CPU second (and per wall second) of `op`, run back to back for about `ms` of CPU. */
function rate(op: () => unknown, ms = ROUND_MS): { cpu: number; wall: number } {
  let n = 0;
  const wallStart = performance.now();
  const start = cpuMs();
  let now = start;
  while (now - start < ms) {
    // Read the clock every 64 operations: reading it is not free at these speeds.
    for (let i = 0; i < 64; i++) op();
    n += 64;
    now = cpuMs();
  }
  return { cpu: (n * 1000) / (now - start), wall: (n * 1000) / (performance.now() - wallStart) };
}

function facts(): CredentialFacts {
  return {
    appUrl: APP_URL,
    credentialId: randomUUID(),
    personId: randomUUID(),
    learnerName: 'Nguyễn Thị Ánh Tuyết',
    issuer: {
      id: randomUUID(),
      name: 'Trung tâm Đào tạo Bán dẫn Hoà Lạc',
      website: 'https://hoalac.example.vn',
    },
    course: {
      id: randomUUID(),
      title: 'Kỹ thuật viên bán dẫn: đóng gói và kiểm thử vi mạch',
      summary: 'Quy trình đóng gói, kiểm thử và kiểm tra chất lượng vi mạch theo chuẩn công nghiệp.',
      language: 'vi',
      skills: ['Kiểm thử vi mạch', 'Đóng gói bán dẫn', 'Kiểm soát chất lượng'],
    },
    credentialName: 'Giấy chứng nhận hoàn thành khoá học: Kỹ thuật viên bán dẫn',
    criteriaNarrative:
      'Hoàn thành khoá học “Kỹ thuật viên bán dẫn” (120 giờ) do Trung tâm Đào tạo Bán dẫn Hoà Lạc tổ chức, đạt các yêu cầu của khoá học về bài học, bài kiểm tra và chuyên cần.',
    issuedAt: new Date(),
    validUntil: null,
    statusIndex: 4242,
  };
}

export const credentialsScenario: Scenario = {
  prefix: 'learning.credentials.',
  description: `Open Badges VC-JWT sign/verify per second (one core) vs bare Ed25519 on the same bytes; PDF certificates per second`,
  async run(ctx) {
    const k = generateIssuerKey(SECRET);
    const row = { kid: k.kid, private_key_encrypted: k.privateKeyEncrypted };
    const f = facts();
    const jwt = signJwt(buildCredential(f), { kid: k.kid, privateKey: privateKeyFor(row, SECRET) });
    const signingInput = Buffer.from(jwt.slice(0, jwt.lastIndexOf('.')));
    const signature = sign(null, signingInput, k.privateKey);
    const publicKey = publicKeyFor(k.kid, k.publicJwk as unknown as Record<string, unknown>);
    ctx.log(`credential JWT: ${jwt.length} bytes (signing input ${signingInput.length} bytes)`);

    const ours = {
      sign: () => signJwt(buildCredential(f), { kid: row.kid, privateKey: privateKeyFor(row, SECRET) }),
      verify: () => {
        const parsed = parseJwt(jwt)!;
        if (credentialProblems(parsed.payload).length > 0) throw new Error('bench credential is incomplete');
        const kid = String(parsed.header.kid);
        if (!verifySignature(parsed, publicKeyFor(kid, k.publicJwk as unknown as Record<string, unknown>)))
          throw new Error('bench credential does not verify');
      },
    };
    const bare = {
      sign: () => sign(null, signingInput, k.privateKey),
      verify: () => verify(null, signingInput, publicKey, signature),
    };

    const samples = { sign: [[], []], verify: [[], []] } as Record<'sign' | 'verify', [number[], number[]]>;
    for (const op of ['sign', 'verify'] as const) {
      rate(bare[op], 100);
      rate(ours[op], 100);
      const wall: [number[], number[]] = [[], []];
      for (let r = 0; r < ROUNDS; r++) {
        const b = rate(bare[op]);
        const o = rate(ours[op]);
        samples[op][0].push(b.cpu);
        samples[op][1].push(o.cpu);
        wall[0].push(b.wall);
        wall[1].push(o.wall);
      }
      const r = (xs: number[]) => Math.round(median(xs));
      ctx.log(
        `${op} per CPU second: ours ${r(samples[op][1])}, bare Ed25519 ${r(samples[op][0])} (per wall second: ${r(wall[1])} vs ${r(wall[0])})`,
      );
    }

    // PDFs: the first one parses the fonts (once per process); the figure is the steady state.
    const urls = credentialUrls(APP_URL);
    const pdfInput = () => ({
      language: 'vi' as const,
      credentialId: f.credentialId,
      learnerName: f.learnerName,
      courseTitle: f.course.title,
      durationHours: 120,
      issuerName: f.issuer.name,
      issuedAt: f.issuedAt,
      credentialUrl: urls.credential(f.credentialId),
      verifyUrl: urls.verifyPage(f.credentialId),
      jwt,
    });
    const firstStart = performance.now();
    await renderCertificatePdf(pdfInput());
    ctx.log(`first PDF (fonts parsed): ${Math.round(performance.now() - firstStart)} ms`);
    const pdfStart = performance.now();
    const pdfCpuStart = cpuMs();
    for (let i = 0; i < PDF_COUNT; i++) await renderCertificatePdf(pdfInput());
    const pdfPerSecond = (PDF_COUNT * 1000) / (cpuMs() - pdfCpuStart);
    const pdfPerWallSecond = (PDF_COUNT * 1000) / (performance.now() - pdfStart);
    ctx.log(
      `PDF: ${pdfPerSecond.toFixed(1)} per CPU second (${pdfPerWallSecond.toFixed(1)} per wall second) over ${PDF_COUNT}`,
    );

    return [
      figure({
        name: 'learning.credentials.sign_per_s',
        value: median(samples.sign[1]),
        unit: '/s',
        goal: { op: '>=', target: 2000 },
        baseline: median(samples.sign[0]),
      }),
      figure({
        name: 'learning.credentials.verify_per_s',
        value: median(samples.verify[1]),
        unit: '/s',
        goal: { op: '>=', target: 5000 },
        baseline: median(samples.verify[0]),
      }),
      figure({
        name: 'learning.credentials.pdf_per_s',
        value: pdfPerSecond,
        unit: '/s',
        goal: { op: '>=', target: 30 },
      }),
    ];
  },
};

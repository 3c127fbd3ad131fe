import { compactVerify, createLocalJWKSet, decodeProtectedHeader, type JSONWebKeySet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, createTestApp, createUser, type TestApp } from '../../test/app';
import { privateKeyFor } from './keys';
import * as repo from './repo';
import { issueCredential } from './service';
import { completedEnrolment, trainingPartner } from './test-fixtures';
import { OB3_CONTEXT, parseJwt, signJwt, statusBit, VC_CONTEXT } from './vc';

let t: TestApp;
let orgA: string;
let orgB: string;
let learnerUserId: string;
let learnerPersonEnrolment: Awaited<ReturnType<typeof completedEnrolment>>;
let credentialId: string;
let jwt: string;

const NAME = 'Nguyễn Thị Ánh Tuyết';
const TITLE = 'Kỹ thuật viên bán dẫn: đóng gói và kiểm thử vi mạch';
const SECRET = Buffer.alloc(32, 7).toString('base64');

beforeAll(async () => {
  t = await createTestApp({ CREDENTIAL_SECRET: SECRET, APP_URL: 'https://nhanluc.test' });
  orgA = (await trainingPartner(t.ctx, 'Trung tâm Đào tạo Bán dẫn Hoà Lạc', 'https://hoalac.example.vn')).id;
  orgB = (await trainingPartner(t.ctx, 'Học viện Kỹ năng số Mekong')).id;
  await createUser(t, 'admin@a.vn', [{ role: 'partner_admin', organisationId: orgA }]);
  await createUser(t, 'admin@b.vn', [{ role: 'partner_admin', organisationId: orgB }]);
  await createUser(t, 'root@nic.vn', [{ role: 'platform_admin' }]);
  learnerUserId = (await createUser(t, 'tuyet@hoc.vn', [{ role: 'learner' }])).id;
  await createUser(t, 'other@hoc.vn', [{ role: 'learner' }]);
  learnerPersonEnrolment = await completedEnrolment(t.ctx, {
    orgId: orgA,
    learnerName: NAME,
    userId: learnerUserId,
    title: TITLE,
    summary: 'Quy trình đóng gói, kiểm thử và kiểm tra chất lượng vi mạch.',
    hours: 120,
    skills: ['Kiểm thử vi mạch', 'Đóng gói bán dẫn'],
  });
  credentialId = (await issueCredential(t.ctx, learnerPersonEnrolment.enrolmentId)).credentialId;
  jwt = (await repo.findCredential(t.ctx.db, credentialId))!.jwt;
});
afterAll(() => t.close());

const jwksOf = async (orgId: string) => {
  const res = await new Browser(t).get(`/api/credentials/issuers/${orgId}/jwks`);
  expect(res.statusCode).toBe(200);
  return res.json() as JSONWebKeySet;
};
const verify = (body: unknown, lang = 'en') => new Browser(t, lang).post('/api/credentials/verify', body);
const checksOf = (body: { checks: { check: string; ok: boolean }[] }) =>
  Object.fromEntries(body.checks.map((c) => [c.check, c.ok]));
/** The payload of a JWT changed by `edit`, re-encoded but with the original header and signature. */
const withPayload = (token: string, edit: (p: Record<string, unknown>) => void) => {
  const [h, p, s] = token.split('.');
  const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
  edit(payload);
  return `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
};

describe('issuing', () => {
  it('issues an Open Badges 3.0 credential in the course language, verifiable with jose and the published JWKS', async () => {
    const jwks = await jwksOf(orgA);
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toEqual({
      kty: 'OKP',
      crv: 'Ed25519',
      x: expect.any(String),
      kid: expect.any(String),
      alg: 'EdDSA',
      use: 'sig',
    });
    // An independent implementation: jose's EdDSA over WebCrypto, not our node:crypto signing code.
    const { payload, protectedHeader } = await jwtVerify(jwt, createLocalJWKSet(jwks), {
      typ: 'vc+jwt',
      algorithms: ['EdDSA'],
    });
    expect(protectedHeader).toEqual({ alg: 'EdDSA', kid: jwks.keys[0]!.kid, typ: 'vc+jwt' });
    const base = 'https://nhanluc.test';
    expect(payload).toEqual({
      '@context': [VC_CONTEXT, OB3_CONTEXT],
      id: `${base}/credentials/${credentialId}`,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: {
        id: `${base}/api/credentials/issuers/${orgA}`,
        type: ['Profile'],
        name: 'Trung tâm Đào tạo Bán dẫn Hoà Lạc',
        url: 'https://hoalac.example.vn',
      },
      validFrom: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      name: `Giấy chứng nhận hoàn thành khoá học: ${TITLE}`,
      credentialSubject: {
        id: `urn:uuid:${learnerPersonEnrolment.personId}`,
        type: ['AchievementSubject'],
        name: NAME,
        achievement: {
          id: `urn:uuid:${learnerPersonEnrolment.courseId}`,
          type: ['Achievement'],
          name: TITLE,
          description: 'Quy trình đóng gói, kiểm thử và kiểm tra chất lượng vi mạch.',
          criteria: {
            narrative: `Hoàn thành khoá học “${TITLE}” (120 giờ) do Trung tâm Đào tạo Bán dẫn Hoà Lạc tổ chức, đạt các yêu cầu của khoá học về bài học, bài kiểm tra và chuyên cần.`,
          },
          achievementType: 'Certificate',
          inLanguage: 'vi',
          tag: ['Đóng gói bán dẫn', 'Kiểm thử vi mạch'],
        },
      },
      credentialStatus: {
        id: expect.stringMatching(new RegExp(`^${base}/api/credentials/status/${orgA}#\\d+$`)),
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListIndex: expect.stringMatching(/^\d+$/),
        statusListCredential: `${base}/api/credentials/status/${orgA}`,
      },
      credentialSchema: [
        {
          id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json',
          type: '1EdTechJsonSchemaValidator2019',
        },
      ],
    });
    // Privacy: nothing but a pseudonymous person URN and the name identifies the learner.
    expect(JSON.stringify(payload)).not.toContain('tuyet@hoc.vn');
    const compact = await compactVerify(jwt, createLocalJWKSet(jwks));
    expect(JSON.parse(new TextDecoder().decode(compact.payload)).id).toBe(payload.id);
  });

  it('stores the credential, its PDF, the audit entry and tells the learner', async () => {
    const row = (await repo.findCredential(t.ctx.db, credentialId))!;
    expect(row).toMatchObject({
      enrolment_id: learnerPersonEnrolment.enrolmentId,
      person_id: learnerPersonEnrolment.personId,
      issuer_organisation_id: orgA,
      language: 'vi',
      revoked_at: null,
    });
    expect(new Date(row.issued_at).toISOString().replace('.000Z', 'Z')).toBe(
      (row.credential as { validFrom: string }).validFrom,
    );
    const file = await t.ctx.db
      .selectFrom('files')
      .selectAll()
      .where('id', '=', row.pdf_file_id!)
      .executeTakeFirstOrThrow();
    expect(file).toMatchObject({ content_type: 'application/pdf', organisation_id: orgA });
    expect(t.storage.files.get(file.storage_key)!.subarray(0, 5).toString()).toBe('%PDF-');
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'organisation_id', 'details'])
      .where('entity_id', '=', credentialId)
      .execute();
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'credential.issued',
        organisation_id: orgA,
        details: expect.objectContaining({ enrolmentId: learnerPersonEnrolment.enrolmentId }),
      }),
    ]);
    const notes = await t.ctx.db
      .selectFrom('notifications')
      .select(['kind', 'link', 'params'])
      .where('user_id', '=', learnerUserId)
      .execute();
    expect(notes).toContainEqual({
      kind: 'certificate_issued',
      link: `/credentials/${credentialId}`,
      params: {
        course: { title: TITLE, translations: {}, language: 'vi' },
        issuer: 'Trung tâm Đào tạo Bán dẫn Hoà Lạc',
      },
    });
  });

  it('is idempotent per enrolment, also when two calls race', async () => {
    expect(await issueCredential(t.ctx, learnerPersonEnrolment.enrolmentId)).toEqual({ credentialId });
    const e = await completedEnrolment(t.ctx, { orgId: orgA, learnerName: 'Trần Văn Bình' });
    const [x, y] = await Promise.all([
      issueCredential(t.ctx, e.enrolmentId),
      issueCredential(t.ctx, e.enrolmentId),
    ]);
    expect(x).toEqual(y);
    const rows = await t.ctx.db
      .selectFrom('credentials')
      .select('id')
      .where('enrolment_id', '=', e.enrolmentId)
      .execute();
    expect(rows).toEqual([{ id: x.credentialId }]);
    // One PDF file per credential: the losing call left nothing behind.
    const files = await t.ctx.db
      .selectFrom('files')
      .select('storage_key')
      .where('filename', 'like', `certificate-%`)
      .execute();
    const credentials = await t.ctx.db.selectFrom('credentials').select('pdf_file_id').execute();
    expect(files).toHaveLength(credentials.length);
    expect(t.storage.files.size).toBe(files.length);
  });

  it('refuses an enrolment that is not completed, and changes nothing', async () => {
    const e = await completedEnrolment(t.ctx, { orgId: orgA, learnerName: 'Lê Hoàng Nam', incomplete: true });
    const before = await t.ctx.db.selectFrom('credentials').select('id').execute();
    await expect(issueCredential(t.ctx, e.enrolmentId)).rejects.toMatchObject({
      code: 'CREDENTIAL_NOT_EARNED',
    });
    await expect(issueCredential(t.ctx, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await t.ctx.db.selectFrom('credentials').select('id').execute()).toHaveLength(before.length);
  });

  it('links the trainer certification of a training-of-trainers course, in Japanese when taught in Japanese', async () => {
    const e = await completedEnrolment(t.ctx, {
      orgId: orgA,
      learnerName: 'Phạm Quốc Huy',
      language: 'ja',
      title: '半導体製造の指導者養成講座',
      hours: 60,
      isTot: true,
    });
    const { credentialId: id } = await issueCredential(t.ctx, e.enrolmentId);
    const cert = await t.ctx.db
      .selectFrom('trainer_certifications')
      .select('credential_id')
      .where('person_id', '=', e.personId)
      .executeTakeFirstOrThrow();
    expect(cert.credential_id).toBe(id);
    const row = (await repo.findCredential(t.ctx.db, id))!;
    expect(row.language).toBe('ja');
    expect(row.credential).toMatchObject({
      name: '修了証明書：半導体製造の指導者養成講座',
      credentialSubject: {
        achievement: {
          inLanguage: 'ja',
          criteria: {
            narrative:
              'Trung tâm Đào tạo Bán dẫn Hoà Lạcが実施する指導者養成講座「半導体製造の指導者養成講座」（60時間）を修了し、レッスン・小テスト・出席・模擬授業の要件を満たしたこと。',
          },
        },
      },
    });
  });
});

describe('verifying', () => {
  it('accepts the VC-JWT, its id, its JSON and a VC 2.0 envelope, with every check passed', async () => {
    const payload = parseJwt(jwt)!.payload;
    for (const body of [
      { jwt },
      { id: credentialId },
      { id: `https://nhanluc.test/credentials/${credentialId}` },
      { credential: payload },
      {
        credential: {
          '@context': [VC_CONTEXT],
          type: 'EnvelopedVerifiableCredential',
          id: `data:application/vc+jwt,${jwt}`,
        },
      },
    ]) {
      const res = await verify(body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 60)).toBe(200);
      const out = res.json();
      expect(out.valid).toBe(true);
      expect(out.checks.map((c: { check: string }) => c.check)).toEqual([
        'format',
        'issuer',
        'signature',
        'validity',
        'status',
      ]);
      expect(out.checks.every((c: { ok: boolean }) => c.ok)).toBe(true);
      expect(out.credential).toEqual({
        id: credentialId,
        learnerName: NAME,
        courseTitle: TITLE,
        issuerName: 'Trung tâm Đào tạo Bán dẫn Hoà Lạc',
        issuedAt: payload.validFrom,
        validUntil: null,
      });
    }
    const vi = (await verify({ jwt }, 'vi')).json();
    expect(vi.checks[1].message).toBe(
      'Được cấp bởi Trung tâm Đào tạo Bán dẫn Hoà Lạc, một tổ chức đã đăng ký trên nền tảng.',
    );
    expect(vi.checks[4].message).toBe('Đơn vị cấp chưa thu hồi giấy chứng nhận này.');
  });

  it('needs no session or CSRF token: any tool can verify', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/credentials/verify', payload: { jwt } });
    expect(res.statusCode).toBe(200);
    expect(res.json().valid).toBe(true);
  });

  it('fails the signature when one character of the payload changes', async () => {
    const [h, p, s] = jwt.split('.');
    const i = 40;
    const flipped = `${h}.${p!.slice(0, i)}${p![i] === 'A' ? 'B' : 'A'}${p!.slice(i + 1)}.${s}`;
    const res = (await verify({ jwt: flipped })).json();
    expect(res.valid).toBe(false);
    expect(checksOf(res).signature).toBe(false);

    const renamed = withPayload(jwt, (pl) => {
      (pl.credentialSubject as { name: string }).name = 'Nguyễn Thị Ánh Tuyệt';
    });
    const out = (await verify({ jwt: renamed })).json();
    expect(checksOf(out)).toEqual({
      format: true,
      issuer: true,
      signature: false,
      validity: true,
      status: true,
    });
    expect(out.checks[2].message).toBe(
      'The signature does not match: the certificate was changed after it was signed.',
    );
    await expect(jwtVerify(renamed, createLocalJWKSet(await jwksOf(orgA)))).rejects.toThrow();

    // The same for a JSON credential that differs from what was signed.
    const json = parseJwt(renamed)!.payload;
    const j = (await verify({ credential: json })).json();
    expect(checksOf(j).signature).toBe(false);
    expect(j.checks[2].message).toBe(
      'This JSON is not the certificate its issuer signed. Send the VC-JWT instead.',
    );
  });

  it("refuses a credential claiming issuer A but signed with another organisation's key", async () => {
    // B gets a key by issuing a certificate of its own.
    const e = await completedEnrolment(t.ctx, { orgId: orgB, learnerName: 'Võ Minh Khang' });
    await issueCredential(t.ctx, e.enrolmentId);
    const keyB = (await repo.findActiveKey(t.ctx.db, orgB))!;
    const forged = signJwt(parseJwt(jwt)!.payload, {
      kid: keyB.kid,
      privateKey: privateKeyFor(keyB, SECRET),
    });
    const out = (await verify({ jwt: forged })).json();
    expect(out.valid).toBe(false);
    expect(checksOf(out)).toEqual({
      format: true,
      issuer: true,
      signature: false,
      validity: true,
      status: true,
    });
    expect(out.checks[2].message).toBe('The certificate was not signed with a key its issuer has published.');
    // jose, given A's published keys only, refuses it as well.
    await expect(jwtVerify(forged, createLocalJWKSet(await jwksOf(orgA)))).rejects.toThrow();
  });

  it('fails validity once validUntil has passed, and before validFrom', async () => {
    const keyA = (await repo.findActiveKey(t.ctx.db, orgA))!;
    const key = { kid: keyA.kid, privateKey: privateKeyFor(keyA, SECRET) };
    const payload = parseJwt(jwt)!.payload;
    const expired = signJwt({ ...payload, validUntil: '2025-01-01T00:00:00Z' }, key);
    const out = (await verify({ jwt: expired })).json();
    expect(checksOf(out)).toEqual({
      format: true,
      issuer: true,
      signature: true,
      validity: false,
      status: true,
    });
    expect(out.checks[3].message).toBe('Expired on 1 January 2025.');
    expect(out.credential.validUntil).toBe('2025-01-01T00:00:00Z');
    const future = signJwt({ ...payload, validFrom: '2999-01-01T00:00:00Z' }, key);
    expect(checksOf((await verify({ jwt: future })).json()).validity).toBe(false);
  });

  it('answers garbage with a failed format check, and an empty request with a 400', async () => {
    const out = (await verify({ jwt: 'not.a.jwt' }, 'vi')).json();
    expect(out.valid).toBe(false);
    expect(out.checks[0]).toEqual({
      check: 'format',
      ok: false,
      message: 'Đây không phải là một VC-JWT hợp lệ (chuỗi JSON Web Token đã ký).',
    });
    expect(out.checks[1]).toEqual({
      check: 'issuer',
      ok: false,
      message: 'Chưa kiểm tra được vì một bước kiểm tra trước đó không đạt.',
    });
    expect(out.credential).toBeNull();
    const unknown = (await verify({ id: '00000000-0000-4000-8000-000000000000' })).json();
    expect(unknown.checks[0].message).toBe('There is no certificate with this id on the platform.');
    const empty = await verify({}, 'en');
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'Some of the data sent is not valid.',
      fields: { '/': 'Send the certificate to verify: its JWT, its JSON or its id.' },
    });
    const unsignedHeader = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${jwt.split('.')[1]}.`;
    expect(checksOf((await verify({ jwt: unsignedHeader })).json()).format).toBe(false);
  });
});

describe('public view', () => {
  it('shows the name, course, issuer, status and JWT — nothing else about the learner', async () => {
    const res = await new Browser(t, 'ja').get(`/api/credentials/${credentialId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: credentialId,
      url: `https://nhanluc.test/credentials/${credentialId}`,
      verifyUrl: `https://nhanluc.test/verify/${credentialId}`,
      status: 'active',
      learnerName: NAME,
      courseTitle: TITLE,
      issuer: {
        organisationId: orgA,
        name: 'Trung tâm Đào tạo Bán dẫn Hoà Lạc',
        profileUrl: `https://nhanluc.test/api/credentials/issuers/${orgA}`,
      },
      language: 'vi',
      issuedAt: expect.any(String),
      validUntil: null,
      revokedAt: null,
      revocationReason: null,
      jwt,
    });
    expect(res.body).not.toContain('tuyet@hoc.vn');
    expect(
      (await new Browser(t).get('/api/credentials/00000000-0000-4000-8000-000000000000')).statusCode,
    ).toBe(404);
  });

  it("resolves the issuer id to an Open Badges profile that points at the issuer's keys", async () => {
    const payload = parseJwt(jwt)!.payload as { issuer: { id: string } };
    const path = new URL(payload.issuer.id).pathname;
    const profile = (await new Browser(t).get(path)).json();
    expect(profile).toEqual({
      '@context': [VC_CONTEXT, OB3_CONTEXT],
      id: payload.issuer.id,
      type: ['Profile'],
      name: 'Trung tâm Đào tạo Bán dẫn Hoà Lạc',
      url: 'https://hoalac.example.vn',
      jwks_uri: `https://nhanluc.test/api/credentials/issuers/${orgA}/jwks`,
    });
  });
});

describe('wallet and downloads', () => {
  it('shows a learner their own certificates only', async () => {
    const mine = (await (await new Browser(t).login('tuyet@hoc.vn')).get('/api/me/credentials')).json();
    expect(mine.total).toBe(1);
    expect(mine.items[0]).toMatchObject({
      id: credentialId,
      courseTitle: TITLE,
      status: 'active',
      issuer: { organisationId: orgA, name: 'Trung tâm Đào tạo Bán dẫn Hoà Lạc' },
    });
    const other = (await (await new Browser(t).login('other@hoc.vn')).get('/api/me/credentials')).json();
    expect(other).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
  });

  it('lets the holder and the issuer download the JSON and the PDF, and nobody else', async () => {
    const holder = await new Browser(t).login('tuyet@hoc.vn');
    const json = await holder.get(`/api/credentials/${credentialId}/download.json`);
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-disposition']).toBe(
      `attachment; filename="credential-${credentialId}.json"`,
    );
    expect(json.json()).toEqual({ id: credentialId, jwt, credential: parseJwt(jwt)!.payload });
    const pdf = await holder.get(`/api/credentials/${credentialId}/download.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const issuer = await new Browser(t).login('admin@a.vn');
    expect((await issuer.get(`/api/credentials/${credentialId}/download.json`)).statusCode).toBe(200);
    for (const email of ['other@hoc.vn', 'admin@b.vn']) {
      const b = await new Browser(t, 'en').login(email);
      for (const kind of ['json', 'pdf']) {
        const res = await b.get(`/api/credentials/${credentialId}/download.${kind}`);
        expect(res.statusCode, `${email} ${kind}`).toBe(403);
        // Signed in, the account's language (vi) wins over the browser's.
        expect(res.json()).toEqual({
          code: 'FORBIDDEN',
          message: 'Bạn không có quyền thực hiện thao tác này.',
        });
      }
    }
  });

  it('draws the PDF again when its file was lost', async () => {
    const row = (await repo.findCredential(t.ctx.db, credentialId))!;
    const file = await t.ctx.db
      .selectFrom('files')
      .select('storage_key')
      .where('id', '=', row.pdf_file_id!)
      .executeTakeFirstOrThrow();
    await t.storage.delete(file.storage_key);
    const pdf = await (await new Browser(t).login('tuyet@hoc.vn')).get(
      `/api/credentials/${credentialId}/download.pdf`,
    );
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const after = (await repo.findCredential(t.ctx.db, credentialId))!;
    expect(after.pdf_file_id).not.toBe(row.pdf_file_id);
  });

  it("lists an issuer's certificates to its admins, searchable without accents, and to no other partner", async () => {
    const admin = await new Browser(t).login('admin@a.vn');
    const found = (await admin.get(`/api/organisations/${orgA}/credentials?q=anh%20tuyet`)).json();
    expect(found.total).toBe(1);
    expect(found.items[0]).toMatchObject({
      id: credentialId,
      learnerName: NAME,
      personId: expect.any(String),
    });
    const all = (await admin.get(`/api/organisations/${orgA}/credentials?sort=learnerName`)).json();
    expect(all.items.map((i: { learnerName: string }) => i.learnerName)).toEqual(
      [...all.items.map((i: { learnerName: string }) => i.learnerName)].sort((a: string, b: string) =>
        a.localeCompare(b, 'vi'),
      ),
    );
    const b = await new Browser(t).login('admin@b.vn');
    expect((await b.get(`/api/organisations/${orgA}/credentials`)).statusCode).toBe(403);
  });
});

describe('revoking', () => {
  it('lets only the issuing organisation revoke; then the certificate shows as revoked with the reason', async () => {
    const e = await completedEnrolment(t.ctx, { orgId: orgA, learnerName: 'Đặng Thu Hà', userId: null });
    const { credentialId: id } = await issueCredential(t.ctx, e.enrolmentId);
    const token = (await repo.findCredential(t.ctx.db, id))!.jwt;
    const index = Number(
      (parseJwt(token)!.payload.credentialStatus as { statusListIndex: string }).statusListIndex,
    );
    const statusBitOf = async () => {
      const res = await new Browser(t).get(`/api/credentials/status/${orgA}`);
      expect(res.headers['content-type']).toContain('application/vc+jwt');
      const { payload } = await jwtVerify(res.body, createLocalJWKSet(await jwksOf(orgA)), { typ: 'vc+jwt' });
      expect(payload).toMatchObject({
        type: ['VerifiableCredential', 'BitstringStatusListCredential'],
        credentialSubject: { type: 'BitstringStatusList', statusPurpose: 'revocation' },
      });
      return statusBit((payload.credentialSubject as { encodedList: string }).encodedList, index);
    };
    expect(await statusBitOf()).toBe(false);

    for (const email of ['admin@b.vn', 'tuyet@hoc.vn']) {
      const b = await new Browser(t, 'en').login(email);
      const res = await b.post(`/api/credentials/${id}/revoke`, { reason: 'issued_in_error' });
      expect(res.statusCode, email).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
    const bad = await (await new Browser(t, 'en').login('admin@a.vn')).post(`/api/credentials/${id}/revoke`, {
      reason: 'because',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toEqual({ '/reason': 'Giá trị không nằm trong danh sách cho phép.' });
    expect((await repo.findCredential(t.ctx.db, id))!.revoked_at).toBeNull();

    const admin = await new Browser(t, 'en').login('admin@a.vn');
    const res = await admin.post(`/api/credentials/${id}/revoke`, {
      reason: 'requirements_not_met',
      note: 'Điểm danh bị khai khống',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'revoked',
      revokedAt: expect.any(String),
      revocationReason: 'Học viên không đáp ứng yêu cầu của khoá học',
    });
    expect(await statusBitOf()).toBe(true);

    const out = (await verify({ jwt: token })).json();
    expect(out.valid).toBe(false);
    expect(checksOf(out)).toEqual({
      format: true,
      issuer: true,
      signature: true,
      validity: true,
      status: false,
    });
    expect(out.checks[4].message).toMatch(
      /^The issuer revoked this certificate on \d{1,2} \w+ \d{4}\. Reason: The learner did not meet the course requirements\.$/,
    );
    const vi = (await new Browser(t, 'vi').get(`/api/credentials/${id}`)).json();
    expect(vi.revocationReason).toBe('Học viên không đáp ứng yêu cầu của khoá học');
    // The note is for the audit log, never public.
    expect(JSON.stringify(vi)).not.toContain('khai khống');
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('entity_id', '=', id)
      .where('action', '=', 'credential.revoked')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ reason: 'requirements_not_met', note: 'Điểm danh bị khai khống' });

    const again = await admin.post(`/api/credentials/${id}/revoke`, { reason: 'other' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({
      code: 'CREDENTIAL_ALREADY_REVOKED',
      message: 'Giấy chứng nhận này đã bị thu hồi trước đó.',
    });
  });

  it('lets a platform admin revoke any certificate', async () => {
    const e = await completedEnrolment(t.ctx, { orgId: orgB, learnerName: 'Bùi Thị Mai' });
    const { credentialId: id } = await issueCredential(t.ctx, e.enrolmentId);
    const root = await new Browser(t).login('root@nic.vn');
    expect((await root.post(`/api/credentials/${id}/revoke`, { reason: 'superseded' })).json().status).toBe(
      'revoked',
    );
  });
});

describe('key rotation', () => {
  it('signs with the new key while certificates signed with the old one keep verifying', async () => {
    const oldKid = decodeProtectedHeader(jwt).kid;
    expect(
      (await (await new Browser(t).login('admin@b.vn')).post(`/api/credentials/issuers/${orgA}/keys/rotate`))
        .statusCode,
    ).toBe(403);
    const res = await (await new Browser(t).login('admin@a.vn')).post(
      `/api/credentials/issuers/${orgA}/keys/rotate`,
    );
    expect(res.statusCode).toBe(201);
    const newKid = res.json().kid;
    expect(newKid).not.toBe(oldKid);

    const jwks = await jwksOf(orgA);
    expect(jwks.keys.map((k) => k.kid)).toEqual([newKid, oldKid]);
    await expect(jwtVerify(jwt, createLocalJWKSet(jwks))).resolves.toBeTruthy();
    expect((await verify({ jwt })).json().valid).toBe(true);

    const e = await completedEnrolment(t.ctx, { orgId: orgA, learnerName: 'Hồ Thị Thu Trang' });
    const { credentialId: id } = await issueCredential(t.ctx, e.enrolmentId);
    const fresh = (await repo.findCredential(t.ctx.db, id))!.jwt;
    expect(decodeProtectedHeader(fresh).kid).toBe(newKid);
    await expect(jwtVerify(fresh, createLocalJWKSet(jwks))).resolves.toBeTruthy();

    // Private keys never leave the server, and are stored encrypted.
    const stored = await t.ctx.db
      .selectFrom('organisation_keys')
      .selectAll()
      .where('organisation_id', '=', orgA)
      .execute();
    for (const k of stored) {
      expect(k.private_key_encrypted).toMatch(/^v1\./);
      expect(k.public_jwk).not.toHaveProperty('d');
    }
    for (const k of jwks.keys) expect(k).not.toHaveProperty('d');
  });
});

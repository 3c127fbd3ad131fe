/**
 * Manual results through the API on the demo data: a partner reports an offline count with evidence,
 * NIC staff approve it and the dashboard shows it beside (never inside) the unique count; returning
 * asks for a note and the reporter corrects and submits again; deciding twice is a conflict; who may
 * report, read and decide; the evidence a reporter may attach, and who may download it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardT, ManualResultListT, ManualResultT } from '../../../common/contracts/impact';
import { seedOnFirstStart } from '../../db/seed';
import { DEMO_PASSWORD } from '../../db/seed/demo';
import { Browser, createTestApp, multipartBody, type TestApp } from '../../test/app';

let t: TestApp;
let manager: Browser;
let hoalac: Browser;
let mekong: Browser;
const program = '/api/impact/programs/new-opportunities';
const results = `${program}/manual-results`;
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

// The demo accounts speak Vietnamese: their language comes before the browser's.
const login = (email: string, locale: 'vi' | 'en' | 'ja' = 'en') =>
  new Browser(t, locale).login(email, DEMO_PASSWORD);

async function upload(b: Browser, name: string): Promise<string> {
  const m = multipartBody([{ name, type: 'application/pdf', data: PDF }]);
  const res = await b.request('POST', '/api/files', m.body, m.headers);
  expect(res.statusCode).toBe(201);
  return res.json().id;
}

const report = (over: Record<string, unknown> = {}) => ({
  indicator: 'EVENT_PARTICIPANTS',
  year: 2023,
  quarter: null,
  value: 20,
  note: 'Offline workshop at the college, 20 signatures on the paper list.',
  fileIds: [],
  ...over,
});

const card = (d: DashboardT, code: string) => d.cards.find((c) => c.indicator.code === code)!;

beforeAll(async () => {
  t = await createTestApp({ SEED_DEMO: 'true' });
  await seedOnFirstStart(t.ctx);
  manager = await login('manager@demo.nhanluc.vn');
  hoalac = await login('partner.hoalac@demo.nhanluc.vn');
  mekong = await login('partner.mekong@demo.nhanluc.vn');
}, 120_000);
afterAll(() => t.close());

describe('reporting and approving', () => {
  it('shows the demo’s approved and waiting results to staff, and a partner only its own', async () => {
    const all: ManualResultListT = (await manager.get(results)).json();
    expect(all.canSubmit).toBe(true);
    expect(all.organisations.map((o) => o.name).sort()).toEqual(
      ['[Demo] Trung tâm Tái đào tạo Công nhân Đồng Nai', '[Demo] Trường Cao đẳng Công nghệ Hòa Lạc'].sort(),
    );
    const approved = all.items.find((r) => r.status === 'approved')!;
    expect(approved).toMatchObject({
      value: 35,
      year: 2022,
      indicator: { code: 'EVENT_PARTICIPANTS', name: 'Người tham dự sự kiện' },
      canDecide: false,
    });
    expect(approved.organisation!.name).toContain('Đồng Nai');
    expect(all.items.find((r) => r.status === 'submitted')).toMatchObject({ value: 48, canDecide: true });

    const mine: ManualResultListT = (await hoalac.get(results)).json();
    expect(mine.organisations.map((o) => o.name)).toEqual(['[Demo] Trường Cao đẳng Công nghệ Hòa Lạc']);
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((r) => r.organisation?.name.includes('Hòa Lạc'))).toBe(true);
    expect(mine.items.every((r) => !r.canDecide)).toBe(true);
  });

  it('takes a partner’s report with evidence; once approved it shows beside the unique count', async () => {
    const fileId = await upload(hoalac, 'danh-sach-ky-ten.pdf');
    const created = await hoalac.post(results, report({ fileIds: [fileId] }));
    expect(created.statusCode).toBe(201);
    const r: ManualResultT = created.json();
    expect(r).toMatchObject({
      status: 'submitted',
      value: 20,
      quarter: null,
      submittedBy: expect.any(String),
      decidedAt: null,
      canEdit: false,
      canDecide: false,
      files: [{ id: fileId, filename: 'danh-sach-ky-ten.pdf', sizeBytes: PDF.length }],
    });
    expect(r.organisation!.name).toContain('Hòa Lạc');
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'details', 'organisation_id'])
      .where('entity_id', '=', r.id)
      .execute();
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'impact.manual_submitted',
        organisation_id: r.organisation!.id,
        details: expect.objectContaining({ indicator: 'EVENT_PARTICIPANTS', value: 20, fileIds: [fileId] }),
      }),
    ]);

    const seen: ManualResultListT = (await manager.get(`${results}?status=submitted`)).json();
    expect(seen.items[0]).toMatchObject({ id: r.id, canDecide: true });
    expect(seen.items.every((x) => x.status === 'submitted')).toBe(true);

    const before: DashboardT = (await manager.get(`${program}/dashboard?year=2023`)).json();
    const decided = await manager.post(`/api/impact/manual-results/${r.id}/decision`, {
      decision: 'approve',
      note: 'Checked against the signed list.',
    });
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toMatchObject({
      status: 'approved',
      decidedBy: expect.any(String),
      decisionNote: 'Checked against the signed list.',
      canDecide: false,
    });
    const after: DashboardT = (await manager.get(`${program}/dashboard?year=2023`)).json();
    const [b, a] = [card(before, 'EVENT_PARTICIPANTS'), card(after, 'EVENT_PARTICIPANTS')];
    expect(a.manual).toEqual({ approved: b.manual.approved + 20, reports: b.manual.reports + 1 });
    expect(a.value).toBe(b.value);
    // the partner's own dashboard counts its own approved results only
    const partnerView: DashboardT = (await hoalac.get(`${program}/dashboard?year=2023`)).json();
    expect(card(partnerView, 'EVENT_PARTICIPANTS').manual).toEqual({ approved: 20, reports: 1 });

    const twice = await manager.post(`/api/impact/manual-results/${r.id}/decision`, {
      decision: 'return',
      note: 'x',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'MANUAL_RESULT_DECIDED' });
    expect(twice.json().message).toBe(
      'Kết quả thủ công này đã được duyệt hoặc trả lại rồi. Hãy tải lại danh sách.',
    );
    const logged = await t.ctx.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'impact.manual_decided')
      .where('entity_id', '=', r.id)
      .execute();
    expect(logged.map((l) => l.details)).toEqual([
      expect.objectContaining({ decision: 'approve', note: 'Checked against the signed list.' }),
    ]);
  });

  it('returns only with a note; the reporter corrects and submits again, nobody else', async () => {
    const r: ManualResultT = (await hoalac.post(results, report({ value: 10, quarter: 4 }))).json();
    const noNote = await manager.post(`/api/impact/manual-results/${r.id}/decision`, { decision: 'return' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { '/note': expect.any(String) },
    });
    const blank = await manager.post(`/api/impact/manual-results/${r.id}/decision`, {
      decision: 'return',
      note: '   ',
    });
    expect(blank.statusCode).toBe(400);
    const returned = await manager.post(`/api/impact/manual-results/${r.id}/decision`, {
      decision: 'return',
      note: 'Attach the signed list, please.',
    });
    expect(returned.json()).toMatchObject({
      status: 'returned',
      decisionNote: 'Attach the signed list, please.',
    });

    const listed = (await hoalac.get(`${results}?status=returned`)).json() as ManualResultListT;
    expect(listed.items.find((x) => x.id === r.id)).toMatchObject({ canEdit: true, canDecide: false });
    expect((await manager.put(`/api/impact/manual-results/${r.id}`, report())).statusCode).toBe(403);

    const fileId = await upload(hoalac, 'signed-list.pdf');
    const again = await hoalac.put(
      `/api/impact/manual-results/${r.id}`,
      report({ value: 12, quarter: 4, fileIds: [fileId] }),
    );
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({
      status: 'submitted',
      value: 12,
      decidedAt: null,
      decisionNote: 'Attach the signed list, please.',
      files: [{ id: fileId }],
    });
    const twice = await hoalac.put(`/api/impact/manual-results/${r.id}`, report());
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('MANUAL_RESULT_NOT_RETURNED');
    expect(
      (await t.ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', r.id).execute()).map(
        (a) => a.action,
      ),
    ).toEqual(['impact.manual_submitted', 'impact.manual_decided', 'impact.manual_resubmitted']);
  });
});

describe('who may report, read and decide', () => {
  it('refuses donors, learners and another program’s partner; a partner reports for its own only', async () => {
    const donor = await login('donor@demo.nhanluc.vn');
    const semi = '/api/impact/programs/semiconductor-2030/manual-results';
    const body = report({ indicator: 'LEARNERS_COMPLETED', year: 2025 });
    expect((await donor.post(semi, body)).statusCode).toBe(403);
    const waiting = (await manager.get(`${results}?status=submitted`)).json().items[0] as ManualResultT;
    expect(
      (await donor.post(`/api/impact/manual-results/${waiting.id}/decision`, { decision: 'approve' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await hoalac.post(`/api/impact/manual-results/${waiting.id}/decision`, { decision: 'approve' }))
        .statusCode,
    ).toBe(403);
    expect((await mekong.post(results, report())).statusCode).toBe(403);
    expect((await mekong.get(results)).statusCode).toBe(403);
    expect((await (await login('learner@demo.nhanluc.vn')).get(results)).statusCode).toBe(403);
    expect((await donor.get(results)).statusCode).toBe(403);
    const dongNai = (await manager.get(results))
      .json()
      .organisations.find((o: { name: string }) => o.name.includes('Đồng Nai'));
    expect((await hoalac.post(results, report({ organisationId: dongNai.id }))).statusCode).toBe(403);

    // a donor reads the approved results of a program it funds, without the evidence
    const fileId = await upload(hoalac, 'semiconductor-open-day.pdf');
    const r: ManualResultT = (await hoalac.post(semi, { ...body, fileIds: [fileId] })).json();
    expect(r.status).toBe('submitted');
    const none: ManualResultListT = (await donor.get(semi)).json();
    expect(none).toMatchObject({ items: [], total: 0, canSubmit: false, organisations: [] });
    expect((await donor.get(`${semi}?status=submitted`)).json().items).toEqual([]);
    await manager.post(`/api/impact/manual-results/${r.id}/decision`, { decision: 'approve' });
    const seen: ManualResultListT = (await donor.get(semi)).json();
    expect(seen.items).toEqual([
      expect.objectContaining({ id: r.id, status: 'approved', files: [], canEdit: false }),
    ]);
    expect((await donor.get(`/api/files/${fileId}`)).statusCode).toBe(404);
  });

  it('checks the report, in the reader’s language', async () => {
    const vi = await login('partner.hoalac@demo.nhanluc.vn', 'vi');
    const other = await upload(mekong, 'mekong.pdf');
    const res = await vi.post(
      results,
      report({
        indicator: 'WOMEN_SHARE',
        year: 2019,
        note: '  ',
        fileIds: [other, '00000000-0000-4000-8000-000000000000'],
      }),
    );
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.fields).toEqual({
      '/indicator':
        'Kết quả thủ công chỉ được báo cáo cho các chỉ số đếm trên bảng theo dõi của chương trình này.',
      '/year': 'Giá trị phải từ 2021 trở lên.',
      '/note': expect.any(String),
      '/fileIds/0': 'Không có tệp này trong các tệp bạn đã tải lên hoặc của tổ chức báo cáo.',
      '/fileIds/1': expect.any(String),
    });
    expect((await vi.post(results, report({ value: -1 }))).statusCode).toBe(400);
    expect((await vi.post(results, report({ value: 1.5 }))).statusCode).toBe(400);
    expect((await vi.post(results, report({ year: 2025 }))).json().fields).toHaveProperty('/year');
    expect((await vi.post(results, report({ note: 'x'.repeat(2001) }))).statusCode).toBe(400);
    expect((await vi.post(results, report({ indicator: 'NOT_THERE' }))).json().fields).toHaveProperty(
      '/indicator',
    );
    expect(
      (await manager.post(results, report({ organisationId: '00000000-0000-4000-8000-000000000000' }))).json()
        .fields,
    ).toHaveProperty('/organisationId');
  });
});

describe('evidence', () => {
  it('is read by NIC staff and the reporting organisation, not by another partner', async () => {
    const fileId = await upload(hoalac, 'attendance.pdf');
    const r: ManualResultT = (await hoalac.post(results, report({ fileIds: [fileId] }))).json();
    // the manager is a program manager (not a platform admin): it reads the file as evidence
    expect((await manager.get(`/api/files/${fileId}`)).statusCode).toBe(200);
    expect((await mekong.get(`/api/files/${fileId}`)).statusCode).toBe(404);
    expect((await hoalac.get(`/api/files/${fileId}`)).statusCode).toBe(200);

    // staff report for the partner with a file of their own: the partner reads it as evidence
    const staffFile = await upload(manager, 'nic-visit-report.pdf');
    expect((await hoalac.get(`/api/files/${staffFile}`)).statusCode).toBe(404);
    const byStaff = await manager.post(
      results,
      report({ organisationId: r.organisation!.id, fileIds: [staffFile] }),
    );
    expect(byStaff.statusCode).toBe(201);
    expect((await hoalac.get(`/api/files/${staffFile}`)).statusCode).toBe(200);
    expect((await mekong.get(`/api/files/${staffFile}`)).statusCode).toBe(404);
    // but staff cannot attach a partner's file they could not read otherwise
    expect(
      (await manager.post(results, report({ fileIds: [await upload(mekong, 'm.pdf')] }))).statusCode,
    ).toBe(400);
  });
});

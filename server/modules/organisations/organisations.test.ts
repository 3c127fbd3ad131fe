import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, createTestApp, createUser, type TestApp } from '../../test/app';
import { insertOrganisation } from './repo';

let t: TestApp;
let admin: Browser;
let partnerA: string;
let partnerB: string;
let employer: string;
beforeAll(async () => {
  t = await createTestApp();
  partnerA = (
    await insertOrganisation(t.ctx.db, {
      slug: 'hoc-vien-mekong',
      name: 'Học viện Kỹ năng số Mekong',
      kind: 'training_partner',
      provinceCode: '92',
    })
  ).id;
  partnerB = (
    await insertOrganisation(t.ctx.db, {
      slug: 'hoa-lac-tech',
      name: 'Trường Công nghệ Hoà Lạc',
      kind: 'training_partner',
      provinceCode: '01',
    })
  ).id;
  employer = (
    await insertOrganisation(t.ctx.db, {
      slug: 'kyushu-denshi',
      name: 'Kyushu Denshi',
      kind: 'employer',
      country: 'JP',
    })
  ).id;
  await createUser(t, 'root@nic.vn', [{ role: 'platform_admin' }]);
  admin = await new Browser(t, 'vi').login('root@nic.vn');
});
afterAll(() => t.close());

describe('organisations', () => {
  it('lists organisations publicly with accent-insensitive search, filters, sorting and pagination', async () => {
    const anon = new Browser(t);
    const all = (await anon.get('/api/organisations?sort=name')).json();
    expect(all.total).toBe(3);
    expect(all.items.map((o: { name: string }) => o.name)).toEqual([
      'Học viện Kỹ năng số Mekong',
      'Kyushu Denshi',
      'Trường Công nghệ Hoà Lạc',
    ]);
    for (const q of ['hoa lac', 'Hòa Lạc', 'HOÀ LẠC']) {
      const found = (await anon.get(`/api/organisations?q=${encodeURIComponent(q)}`)).json();
      expect(found.items.map((o: { slug: string }) => o.slug)).toEqual(['hoa-lac-tech']);
    }
    const employers = (await anon.get('/api/organisations?kind=employer')).json();
    expect(employers.items).toHaveLength(1);
    expect(employers.items[0]).toMatchObject({ country: 'JP', verified: false, isDemo: false });
    const page2 = (await anon.get('/api/organisations?sort=-name&page=2&pageSize=2')).json();
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.items.map((o: { name: string }) => o.name)).toEqual(['Học viện Kỹ năng số Mekong']);
    const bad = await anon.get('/api/organisations?pageSize=1000');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields['/pageSize']).toBe('Giá trị không được vượt quá 100.');
  });

  it('lets only platform admins create organisations, and audits it', async () => {
    await createUser(t, 'pm@nic.vn', [{ role: 'program_manager', organisationId: null }]);
    const pm = await new Browser(t).login('pm@nic.vn');
    const body = { slug: 'ubon-semicon', name: 'Công ty Bán dẫn Demo', kind: 'employer' };
    expect((await pm.post('/api/organisations', body)).statusCode).toBe(403);
    const res = await admin.post('/api/organisations', body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ slug: 'ubon-semicon', verified: false });
    expect((await admin.post('/api/organisations', body)).json().code).toBe('SLUG_TAKEN');
    const badProvince = await admin.post('/api/organisations', {
      ...body,
      slug: 'other',
      provinceCode: '99',
    });
    expect(badProvince.statusCode).toBe(400);
    expect(badProvince.json().fields).toEqual({ '/provinceCode': 'Không có tỉnh/thành phố với mã này.' });
    const audit = (
      await admin.get(`/api/admin/audit?entityType=organisation&entityId=${res.json().id}`)
    ).json();
    expect(audit.items[0]).toMatchObject({ action: 'organisation.created', actorEmail: 'root@nic.vn' });
  });

  it('lets NIC staff verify an employer, never the employer itself', async () => {
    await createUser(t, 'hr@kyushu.jp', [{ role: 'employer', organisationId: employer }]);
    const hr = await new Browser(t).login('hr@kyushu.jp');
    expect((await hr.patch(`/api/organisations/${employer}`, { verified: true })).statusCode).toBe(403);
    const renamed = await hr.patch(`/api/organisations/${employer}`, {
      website: 'https://kyushu-denshi.example.jp',
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().website).toBe('https://kyushu-denshi.example.jp');
    const verified = await admin.patch(`/api/organisations/${employer}`, { verified: true });
    expect(verified.json().verified).toBe(true);
  });
});

describe('members and role grants', () => {
  it('lets a partner admin manage trainers of its own organisation only', async () => {
    await createUser(t, 'admin-a@mekong.vn', [{ role: 'partner_admin', organisationId: partnerA }]);
    await createUser(t, 'trainer@mekong.vn');
    const pa = await new Browser(t).login('admin-a@mekong.vn');
    const added = await pa.post(`/api/organisations/${partnerA}/members`, {
      email: 'trainer@mekong.vn',
      role: 'trainer',
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ email: 'trainer@mekong.vn', role: 'trainer' });
    expect(
      (
        await pa.post(`/api/organisations/${partnerA}/members`, {
          email: 'trainer@mekong.vn',
          role: 'trainer',
        })
      ).json().code,
    ).toBe('ROLE_ALREADY_GRANTED');
    // A partner admin cannot make anyone a platform admin or program manager.
    expect(
      (
        await pa.post(`/api/organisations/${partnerA}/members`, {
          email: 'trainer@mekong.vn',
          role: 'program_manager',
        })
      ).statusCode,
    ).toBe(403);
    const members = (await pa.get(`/api/organisations/${partnerA}/members`)).json();
    expect(members.items.map((m: { email: string }) => m.email).sort()).toEqual([
      'admin-a@mekong.vn',
      'trainer@mekong.vn',
    ]);
    expect(
      (await pa.delete(`/api/organisations/${partnerA}/members/${added.json().grantId}`)).statusCode,
    ).toBe(204);
    const after = (await pa.get(`/api/organisations/${partnerA}/members`)).json();
    expect(after.total).toBe(1);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'organisation_id'])
      .where('entity_id', '=', added.json().userId)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['role.granted', 'role.revoked']);
    expect(audit[0]!.organisation_id).toBe(partnerA);
  });

  it('refuses roles that do not fit the organisation kind', async () => {
    const u = await createUser(t, 'fit@example.vn');
    const asEmployer = await admin.post(`/api/admin/users/${u.id}/grants`, {
      role: 'employer',
      organisationId: partnerB,
    });
    expect(asEmployer.statusCode).toBe(422);
    expect(asEmployer.json().code).toBe('ROLE_NOT_FOR_ORGANISATION_KIND');
    const noOrg = await admin.post(`/api/admin/users/${u.id}/grants`, { role: 'trainer' });
    expect(noOrg.json().code).toBe('ROLE_NEEDS_ORGANISATION');
    const ok = await admin.post(`/api/admin/users/${u.id}/grants`, {
      role: 'trainer',
      organisationId: partnerB,
    });
    expect(ok.statusCode).toBe(201);
    expect(
      ok
        .json()
        .roles.map((r: { role: string; organisationName: string }) => `${r.role}@${r.organisationName}`),
    ).toEqual(['trainer@Trường Công nghệ Hoà Lạc']);
  });

  it('lets a person hold several roles in several organisations', async () => {
    const u = await createUser(t, 'multi@example.vn', [
      { role: 'trainer', organisationId: partnerA },
      { role: 'partner_admin', organisationId: partnerB },
      { role: 'learner' },
    ]);
    const me = (await (await new Browser(t).login('multi@example.vn')).get('/api/auth/me')).json().user;
    expect(me.roles).toHaveLength(3);
    const b = await new Browser(t).login('multi@example.vn');
    expect((await b.get(`/api/organisations/${partnerB}/members`)).statusCode).toBe(200);
    // Trainer in A is not admin of A.
    expect((await b.get(`/api/organisations/${partnerA}/members`)).statusCode).toBe(403);
    expect(u.id).toBeTruthy();
  });
});

describe('account administration', () => {
  it('searches accounts without accents, disables and unlocks them, and audits every change', async () => {
    const u = await createUser(t, 'tuan@example.vn');
    await admin.patch(`/api/admin/users/${u.id}`, { displayName: 'Phạm Quốc Tuấn' });
    const found = (await admin.get('/api/admin/users?q=quoc%20tuan')).json();
    expect(found.items.map((x: { email: string }) => x.email)).toEqual(['tuan@example.vn']);

    const b = await new Browser(t).login('tuan@example.vn');
    const disabled = await admin.patch(`/api/admin/users/${u.id}`, { disabled: true });
    expect(disabled.json().disabled).toBe(true);
    expect((await b.get('/api/auth/me')).json().user).toBeNull();
    expect(
      (
        await new Browser(t).post('/api/auth/login', {
          email: 'tuan@example.vn',
          password: 'Mật-khẩu-thử-2026',
        })
      ).json().code,
    ).toBe('ACCOUNT_DISABLED');
    const audit = (await admin.get(`/api/admin/audit?entityType=user&entityId=${u.id}`)).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(['user.updated', 'user.updated']);
    expect(audit.items[0].details.changes).toEqual({ disabled: true });
  });

  it('never removes the last platform admin', async () => {
    const me = (await admin.get('/api/auth/me')).json().user;
    const grant = me.roles.find((r: { role: string }) => r.role === 'platform_admin');
    const res = await admin.delete(`/api/admin/users/${me.id}/grants/${grant.id}`);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('LAST_PLATFORM_ADMIN');
    expect((await admin.patch(`/api/admin/users/${me.id}`, { disabled: true })).json().code).toBe(
      'CANNOT_DISABLE_SELF',
    );
  });
});

describe('the cached public list', () => {
  it('shows a change made through the API at once', async () => {
    const before = (await new Browser(t).get('/api/organisations?q=kyushu')).json();
    expect(before.items[0].name).toBe('Kyushu Denshi');
    await admin.patch(`/api/organisations/${employer}`, { name: 'Kyushu Denshi Holdings' });
    const after = (await new Browser(t).get('/api/organisations?q=kyushu')).json();
    expect(after.items[0].name).toBe('Kyushu Denshi Holdings');
  });
});

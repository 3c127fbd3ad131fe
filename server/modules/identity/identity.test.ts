import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, createTestApp, createUser, TEST_PASSWORD, type TestApp } from '../../test/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '10' });
});
afterAll(() => t.close());

const cookieOf = (res: { cookies: unknown[] }, name: string) =>
  (res.cookies as { name: string; value: string; httpOnly?: boolean; sameSite?: string }[]).find(
    (c) => c.name === name,
  );

describe('registration and sessions', () => {
  it('registers a learner, stores an argon2id hash and a database session, and sets a safe cookie', async () => {
    const b = new Browser(t);
    const res = await b.post('/api/auth/register', {
      email: 'Lan.Nguyen@example.vn',
      password: 'Hoa-Lạc-2026-học',
      displayName: 'Nguyễn Thị Lan',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.user).toMatchObject({
      email: 'Lan.Nguyen@example.vn',
      displayName: 'Nguyễn Thị Lan',
      locale: 'vi',
    });
    expect(body.user.roles.map((r: { role: string }) => r.role)).toEqual(['learner']);

    const session = cookieOf(res, 'nl_session');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Lax');
    const user = await t.ctx.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'Lan.Nguyen@example.vn')
      .executeTakeFirstOrThrow();
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    const sessions = await t.ctx.db
      .selectFrom('sessions')
      .selectAll()
      .where('user_id', '=', user.id)
      .execute();
    expect(sessions).toHaveLength(1);
    // Only a hash of the cookie is stored: a copy of the database does not give anyone a session.
    expect(sessions[0]!.id).not.toBe(session!.value);

    const me = await b.get('/api/auth/me');
    expect(me.json().user.email).toBe('Lan.Nguyen@example.vn');
    expect(t.mail.sent.at(-1)?.to).toBe('Lan.Nguyen@example.vn');

    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', user.id)
      .execute();
    expect(audit.map((a) => a.action)).toContain('user.registered');
  });

  it('refuses a second account with the same e-mail in any case, in the user language', async () => {
    const b = new Browser(t, 'en');
    const res = await b.post('/api/auth/register', {
      email: 'lan.nguyen@EXAMPLE.vn',
      password: 'another-long-pass-1',
      displayName: 'Lan',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({
      code: 'EMAIL_TAKEN',
      message: 'This e-mail is already used by another account.',
    });
  });

  it('refuses a weak password and says why', async () => {
    const res = await new Browser(t).post('/api/auth/register', {
      email: 'weak@example.vn',
      password: '12345678',
      displayName: 'Weak',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'WEAK_PASSWORD', message: expect.stringContaining('10') });
    expect(
      await t.ctx.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'weak@example.vn')
        .executeTakeFirst(),
    ).toBeUndefined();
  });

  it('validates input with field messages in Vietnamese, Japanese and English, never a 500', async () => {
    const vi = await new Browser(t).post('/api/auth/register', { email: 'not-an-email', password: 'x' });
    expect(vi.statusCode).toBe(400);
    expect(vi.json().code).toBe('VALIDATION_FAILED');
    expect(vi.json().message).toBe('Dữ liệu gửi lên không hợp lệ.');
    expect(vi.json().fields).toMatchObject({
      '/email': 'Địa chỉ e-mail không hợp lệ.',
      '/displayName': 'Trường này là bắt buộc.',
    });

    const ja = await new Browser(t, 'ja').post('/api/auth/register', { email: 'x' });
    expect(ja.json().message).toBe('送信されたデータに誤りがあります。');

    const broken = await new Browser(t).request('POST', '/api/auth/login', undefined, {
      'content-type': 'application/json',
    });
    expect(broken.statusCode).toBe(400);
    const garbage = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: '{"email":',
      headers: { 'content-type': 'application/json' },
    });
    expect(garbage.statusCode).toBeLessThan(500);
    expect(garbage.json()).toHaveProperty('code');
  });

  it('logs out by deleting the session in the database', async () => {
    await createUser(t, 'logout@example.vn');
    const b = await new Browser(t).login('logout@example.vn');
    expect((await b.get('/api/auth/me')).json().user).not.toBeNull();
    const stolen = b.cookies.get('nl_session')!;
    expect((await b.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await b.get('/api/auth/me')).json().user).toBeNull();
    const replay = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      cookies: { nl_session: stolen },
    });
    expect(replay.json().user).toBeNull();
  });
});

describe('login protection', () => {
  it('gives the same answer for a wrong password and an unknown account', async () => {
    await createUser(t, 'minh@example.vn');
    const wrong = await new Browser(t).post('/api/auth/login', {
      email: 'minh@example.vn',
      password: 'wrong-password',
    });
    const unknown = await new Browser(t).post('/api/auth/login', {
      email: 'nobody@example.vn',
      password: 'wrong-password',
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(wrong.json()).toEqual({
      code: 'INVALID_CREDENTIALS',
      message: 'E-mail hoặc mật khẩu không đúng.',
    });
  });

  it('locks an account after repeated failures, even for the right password, and records it', async () => {
    const user = await createUser(t, 'locked@example.vn');
    const b = new Browser(t, 'ja');
    for (let i = 0; i < 2; i++)
      expect(
        (await b.post('/api/auth/login', { email: 'locked@example.vn', password: 'nope-nope-nope' }))
          .statusCode,
      ).toBe(401);
    const third = await b.post('/api/auth/login', { email: 'locked@example.vn', password: 'nope-nope-nope' });
    expect(third.statusCode).toBe(423);
    expect(third.json().message).toContain('10');
    const right = await b.post('/api/auth/login', { email: 'locked@example.vn', password: TEST_PASSWORD });
    expect(right.statusCode).toBe(423);
    expect(right.json().code).toBe('ACCOUNT_LOCKED');
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', user.id)
      .execute();
    expect(audit.map((a) => a.action)).toContain('user.locked');
  });

  it('rejects a state-changing request without the CSRF header', async () => {
    await createUser(t, 'csrf@example.vn');
    const b = await new Browser(t).login('csrf@example.vn');
    const cookie = [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Một-mật-khẩu-mới-2026' },
      headers: { cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_FAILED');
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Một-mật-khẩu-mới-2026' },
      headers: { cookie, 'x-csrf-token': 'guessed-value-guessed-value-guessed-val' },
    });
    expect(forged.json().code).toBe('CSRF_FAILED');
  });
});

describe('passwords', () => {
  it('changes the password, signs out other devices and mails the owner', async () => {
    await createUser(t, 'change@example.vn');
    const phone = await new Browser(t).login('change@example.vn');
    const laptop = await new Browser(t).login('change@example.vn');
    const wrong = await laptop.post('/api/auth/password', {
      currentPassword: 'not-it-at-all',
      newPassword: 'Một-mật-khẩu-mới-2026',
    });
    expect(wrong.json().code).toBe('WRONG_PASSWORD');
    const ok = await laptop.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Một-mật-khẩu-mới-2026',
    });
    expect(ok.statusCode).toBe(204);
    expect((await laptop.get('/api/auth/me')).json().user).not.toBeNull();
    expect((await phone.get('/api/auth/me')).json().user).toBeNull();
    expect(t.mail.sent.at(-1)).toMatchObject({ to: 'change@example.vn' });
    await new Browser(t).login('change@example.vn', 'Một-mật-khẩu-mới-2026');
  });

  it('resets a forgotten password with a one-time token sent by mail', async () => {
    await createUser(t, 'forgot@example.vn');
    const before = t.mail.sent.length;
    const res = await new Browser(t, 'en').post('/api/auth/password/forgot', { email: 'forgot@example.vn' });
    expect(res.statusCode).toBe(202);
    const unknown = await new Browser(t).post('/api/auth/password/forgot', { email: 'ghost@example.vn' });
    expect(unknown.statusCode).toBe(202);
    expect(t.mail.sent.length).toBe(before + 1);
    const mail = t.mail.sent.at(-1)!;
    expect(mail.subject).toBe('Reset your Nhân Lực password');
    const token = decodeURIComponent(/token=([^\s]+)/.exec(mail.text)![1]!);

    const weak = await new Browser(t).post('/api/auth/password/reset', { token, newPassword: 'short' });
    expect(weak.json().code).toBe('WEAK_PASSWORD');
    const done = await new Browser(t).post('/api/auth/password/reset', {
      token,
      newPassword: 'Đặt-lại-mật-khẩu-2026',
    });
    expect(done.statusCode).toBe(204);
    const again = await new Browser(t).post('/api/auth/password/reset', {
      token,
      newPassword: 'Lần-thứ-hai-2026-x',
    });
    expect(again.json().code).toBe('INVALID_RESET_TOKEN');
    await new Browser(t).login('forgot@example.vn', 'Đặt-lại-mật-khẩu-2026');
  });

  it('remembers the language of an account', async () => {
    await createUser(t, 'ja@example.vn');
    const b = await new Browser(t).login('ja@example.vn');
    expect((await b.put('/api/auth/locale', { locale: 'ja' })).statusCode).toBe(204);
    expect((await b.get('/api/auth/me')).json().user.locale).toBe('ja');
    const bad = await b.put('/api/auth/locale', { locale: 'fr' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('送信されたデータに誤りがあります。');
  });
});

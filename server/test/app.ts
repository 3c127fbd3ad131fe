/**
 * A running app over a test database, and a small client that behaves like a browser: it keeps
 * cookies and echoes the CSRF cookie in the header, as the web app does.
 */
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import type { Role } from '../db/schema';
import { seedReference } from '../db/seed/reference';
import { CSRF_COOKIE, CSRF_HEADER } from '../lib/http';
import { MemoryMailTransport } from '../lib/mail';
import { MemoryFileStorage } from '../lib/storage';
import { hashPassword } from '../modules/identity/password';
import * as identityRepo from '../modules/identity/repo';
import { createTestDatabase, type TestDatabase } from './db';

export const TEST_PASSWORD = 'Mật-khẩu-thử-2026';

export async function createTestApp(env: Record<string, string> = {}) {
  const database: TestDatabase = await createTestDatabase();
  await seedReference(database.db);
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: './tmp/test', ...env });
  const mail = new MemoryMailTransport();
  const storage = new MemoryFileStorage();
  const { app, ctx, routes } = await buildApp({ config, database, mail, storage, webDir: null });
  await app.ready();
  const close = async () => {
    await app.close();
    await database.drop();
  };
  return { app, ctx, routes, mail, storage, database, close };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

let passwordHash: Promise<string> | undefined;

/** Creates an account directly (no HTTP) with the given role grants. */
export async function createUser(
  t: TestApp,
  email: string,
  grants: { role: Role; organisationId?: string | null }[] = [],
) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const user = await identityRepo.insertUser(t.ctx.db, {
    email,
    passwordHash: await passwordHash,
    displayName: email.split('@')[0]!,
    locale: 'vi',
  });
  for (const g of grants) {
    await identityRepo.insertGrant(t.ctx.db, {
      userId: user.id,
      role: g.role,
      organisationId: g.organisationId ?? null,
      grantedBy: null,
    });
  }
  return user;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export class Browser {
  readonly cookies = new Map<string, string>();
  constructor(
    private readonly t: TestApp,
    private readonly lang?: string,
  ) {}

  async request(
    method: Method,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    if (method !== 'GET' && !this.cookies.has(CSRF_COOKIE)) await this.request('GET', '/api/auth/me');
    const cookieHeader = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await this.t.app.inject({
      method,
      url,
      payload: body === undefined ? undefined : (body as object),
      headers: {
        ...(cookieHeader ? { cookie: cookieHeader } : {}),
        ...(method !== 'GET' && this.cookies.get(CSRF_COOKIE)
          ? { [CSRF_HEADER]: this.cookies.get(CSRF_COOKIE)! }
          : {}),
        ...(this.lang ? { 'accept-language': this.lang } : {}),
        ...headers,
      },
    });
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now()) || c.value === '';
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }
  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body ?? {});
  put = (url: string, body?: unknown) => this.request('PUT', url, body ?? {});
  patch = (url: string, body?: unknown) => this.request('PATCH', url, body ?? {});
  delete = (url: string) => this.request('DELETE', url);

  async login(email: string, password = TEST_PASSWORD) {
    const res = await this.post('/api/auth/login', { email, password });
    if (res.statusCode !== 200) throw new Error(`login of ${email} failed: ${res.statusCode} ${res.body}`);
    return this;
  }
}

/** A multipart/form-data body of files (field "file"), as a browser's upload sends it. */
export function multipartBody(files: { name: string; type: string; data: Buffer }[]) {
  const boundary = '----nhanluc-test-boundary';
  const parts = files.map((f) =>
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`,
      ),
      f.data,
      Buffer.from('\r\n'),
    ]),
  );
  return {
    body: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

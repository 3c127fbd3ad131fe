/**
 * Walks every route the app serves, so a route added later is covered without anyone remembering to:
 * anonymous callers are refused everywhere but declared-public routes, and a partner admin of one
 * organisation is refused on every route that names another organisation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOrganisation } from './modules/organisations/repo';
import { Browser, createTestApp, createUser, type TestApp } from './test/app';

let t: TestApp;
let orgA: string;
let orgB: string;
let userA: string;
let grantA: string;
let partnerB: Browser;
beforeAll(async () => {
  t = await createTestApp();
  orgA = (
    await insertOrganisation(t.ctx.db, { slug: 'partner-a', name: 'Partner A', kind: 'training_partner' })
  ).id;
  orgB = (
    await insertOrganisation(t.ctx.db, { slug: 'partner-b', name: 'Partner B', kind: 'training_partner' })
  ).id;
  const a = await createUser(t, 'admin@a.vn', [{ role: 'partner_admin', organisationId: orgA }]);
  userA = a.id;
  grantA = (
    await t.ctx.db
      .selectFrom('role_grants')
      .select('id')
      .where('user_id', '=', a.id)
      .executeTakeFirstOrThrow()
  ).id;
  await createUser(t, 'admin@b.vn', [{ role: 'partner_admin', organisationId: orgB }]);
  partnerB = await new Browser(t).login('admin@b.vn');
});
afterAll(() => t.close());

/** Fills a route's parameters with organisation A's ids. */
const fill = (url: string) =>
  url
    .replace(':orgId', orgA)
    .replace(':userId', userA)
    .replace(':grantId', grantA)
    .replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000');

/** A body that passes validation on every route, so the policy — not the schema — must answer. */
const validBody = () => ({
  role: 'trainer',
  email: 'admin@a.vn',
  organisationId: orgA,
  displayName: 'Hacked',
  name: 'Hacked org',
});

const apiRoutes = () => t.routes.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));

describe('deny by default', () => {
  it('knows the routes it guards', () => {
    expect(apiRoutes().length).toBeGreaterThan(15);
  });

  it('refuses anonymous callers on every route that is not declared public', async () => {
    const guarded = apiRoutes().filter((r) => !r.public);
    for (const r of guarded) {
      const anon = new Browser(t);
      const res = await anon.request(r.method as 'GET', fill(r.url), r.method === 'GET' ? undefined : {});
      expect.soft(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect.soft(res.json().code, `${r.method} ${r.url}`).toBe('UNAUTHENTICATED');
    }
  });

  it('keeps the public surface small and deliberate', () => {
    const open = apiRoutes()
      .filter((r) => r.public)
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(open).toEqual(
      [
        'GET /api/auth/me',
        'POST /api/auth/register',
        'POST /api/auth/login',
        'POST /api/auth/logout',
        'POST /api/auth/password/forgot',
        'POST /api/auth/password/reset',
        'GET /api/organisations',
        'GET /api/organisations/:orgId',
        'GET /api/programs',
        'GET /api/programs/:code',
        // Certificates: anyone may verify one, read it by its id, and fetch what a verifier needs.
        'POST /api/credentials/verify',
        'GET /api/credentials/:id',
        'GET /api/credentials/issuers/:orgId',
        'GET /api/credentials/issuers/:orgId/jwks',
        'GET /api/credentials/status/:orgId',
        // The catalog: published courses (drafts answer 404 to anyone but their authors).
        'GET /api/courses',
        'GET /api/courses/:slug',
        // A course's open classes, to choose one: dates, seats left, mode, province; no names.
        'GET /api/courses/:slug/cohorts',
        // ESCO occupations and their skills: public reference data, no people in it.
        'GET /api/occupations',
        'GET /api/occupations/:id',
        // The 4IR skills taxonomy: reference data.
        'GET /api/skills',
        'GET /api/skills/:id',
        // Job postings: what employers publish; no people in them (applications and candidates need a session).
        'GET /api/jobs',
        'GET /api/jobs/:id',
        // One search over the public things above (courses, open jobs, skills, occupations).
        'GET /api/search',
        // Career pathways: reference data; with a session the same page adds the reader's own gap.
        'GET /api/pathways',
        'GET /api/pathways/:slug',
        // The labour market: anonymous counts of open jobs and verified skills, no person in them.
        'GET /api/labour-market',
        // Events: what anyone may read (no participants), and registering (a visitor's details are
        // matched against the registry; rate-limited). Participants and check-in need a session.
        'GET /api/events',
        'GET /api/events/:id',
        'POST /api/events/:id/registrations',
        ...apiRoutes()
          .filter((r) => r.public && r.url.startsWith('/api/geo/'))
          .map((r) => `${r.method} ${r.url}`),
      ].sort(),
    );
  });
});

describe('tenant isolation', () => {
  it("refuses a partner admin every non-public route about another partner's organisation or people", async () => {
    const scoped = apiRoutes().filter((r) => !r.public && /:(orgId|userId|grantId)/.test(r.url));
    expect(scoped.length).toBeGreaterThan(5);
    for (const r of scoped) {
      const res = await partnerB.request(
        r.method as 'GET',
        fill(r.url),
        r.method === 'GET' ? undefined : validBody(),
      );
      expect
        .soft([403, 404], `${r.method} ${r.url} gave ${res.statusCode} ${res.body}`)
        .toContain(res.statusCode);
    }
    // And nothing changed in A.
    const grants = await t.ctx.db
      .selectFrom('role_grants')
      .select('role')
      .where('organisation_id', '=', orgA)
      .execute();
    expect(grants.map((g) => g.role)).toEqual(['partner_admin']);
  });

  it('refuses a partner admin every platform administration route', async () => {
    for (const r of apiRoutes().filter((x) => x.url.startsWith('/api/admin/'))) {
      const res = await partnerB.request(
        r.method as 'GET',
        fill(r.url),
        r.method === 'GET' ? undefined : validBody(),
      );
      expect.soft(res.statusCode, `${r.method} ${r.url}`).toBe(403);
    }
  });
});

describe('the API contract', () => {
  it('serves an OpenAPI 3.1 document that lists every API route', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    for (const r of apiRoutes()) {
      const path = r.url.replace(/:([a-zA-Z]+)/g, '{$1}');
      expect.soft(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${path}`).toBeDefined();
    }
    expect(doc.paths['/api/auth/login'].post.requestBody.content['application/json'].schema.required).toEqual(
      ['email', 'password'],
    );
  });

  it('answers health and readiness', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', pendingMigrations: [] });
  });

  it('answers an unknown API path with the error shape', async () => {
    const res = await new Browser(t, 'en').get('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 'NOT_FOUND', message: 'We could not find what you asked for.' });
  });
});

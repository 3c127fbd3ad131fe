/**
 * The review queue over HTTP: who may use it (NIC staff only), what a reviewer reads (both records side
 * by side, contact details masked, reasons in words in their language), filters, sorting and paging.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorStatus } from '../../../../common/errors';
import en from '../../../../common/i18n/messages/en.json' with { type: 'json' };
import ja from '../../../../common/i18n/messages/ja.json' with { type: 'json' };
import vi from '../../../../common/i18n/messages/vi.json' with { type: 'json' };
import { Browser, createTestApp, type TestApp } from '../../../test/app';
import { enrol, makeClasses, makePerson, queuePair, reviewWorld } from './test-fixtures';

let t: TestApp;
let w: Awaited<ReturnType<typeof reviewWorld>>;
let strong: string;
let weak: string;
let account: string;
let roster: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await reviewWorld(t);
  const { classes } = await makeClasses(t, w.mekong, 'iot-nong-nghiep', ['IOT-1']);
  account = await makePerson(t, {
    fullName: 'Huỳnh Thị Ngọc Hân',
    userId: w.userIds['learner@hoc.vn'],
    sex: 'F',
    provinceCode: '92',
    organisations: [w.mekong],
  });
  roster = await makePerson(t, {
    fullName: 'Huynh Thi Ngoc Han',
    sex: 'F',
    dateOfBirth: '2001-04-30',
    provinceCode: '92',
    phone: '+84912345678',
    email: 'ngochan.huynh@example.vn',
    organisations: [w.hoaLac, w.mekong],
  });
  await enrol(t, roster, classes[0]!.id, { status: 'completed', certificate: true });
  strong = await queuePair(t, account, roster, 7.25, ['phone', 'dobConflict']);
  const x = await makePerson(t, { fullName: 'Đặng Văn Tài', dateOfBirth: '1990-02-03' });
  const y = await makePerson(t, { fullName: 'Dang Van Tai', dateOfBirth: '1990-02-03' });
  weak = await queuePair(t, x, y, 2.5, ['nameDob']);
});
afterAll(() => t.close());

const LIST = '/api/registry/duplicate-pairs';
const ZERO = '00000000-0000-4000-8000-000000000000';

describe('who may review', () => {
  const routes = () =>
    [
      ['GET', LIST],
      ['GET', `${LIST}/${strong}`],
      ['POST', `${LIST}/${strong}/decision`],
      ['POST', `${LIST}/${strong}/undo`],
      ['POST', `/api/registry/person-merges/${ZERO}/undo`],
    ] as const;
  const body = { decision: 'not_duplicate' };

  it('refuses anonymous callers (401)', async () => {
    for (const [method, url] of routes()) {
      const res = await new Browser(t).request(method, url, method === 'POST' ? body : undefined);
      expect.soft(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('refuses partner admins, trainers and learners (403), and changes nothing', async () => {
    for (const email of ['partner@mekong.vn', 'trainer@mekong.vn', 'learner@hoc.vn']) {
      const b = await w.browser(email);
      for (const [method, url] of routes()) {
        const res = await b.request(method, url, method === 'POST' ? body : undefined);
        expect.soft(res.statusCode, `${email} ${method} ${url}`).toBe(403);
        expect.soft(res.json().code).toBe('FORBIDDEN');
      }
    }
    const pair = await t.ctx.db
      .selectFrom('duplicate_pairs')
      .select('status')
      .where('id', '=', strong)
      .executeTakeFirstOrThrow();
    expect(pair.status).toBe('open');
  });

  it('lets platform admins and programme managers read the queue', async () => {
    for (const email of ['admin@nic.vn', 'manager@nic.vn']) {
      const res = await (await w.browser(email)).get(LIST);
      expect(res.statusCode, email).toBe(200);
      expect(res.json().total).toBe(2);
    }
  });
});

describe('the queue', () => {
  it('shows both records side by side, contact details masked, reasons in words', async () => {
    const res = await (await w.browser('manager@nic.vn', 'en')).get(`${LIST}/${strong}`);
    expect(res.statusCode).toBe(200);
    const pair = res.json();
    expect(pair).toMatchObject({
      id: strong,
      status: 'open',
      score: 7.3,
      reasons: [
        { code: 'phone', text: 'Same phone number' },
        { code: 'dobConflict', text: 'Different dates of birth' },
      ],
      nameMatch: { code: 'same', text: 'Same name' },
      merge: null,
    });
    const [theAccount, theRoster] = pair.a.id === account ? [pair.a, pair.b] : [pair.b, pair.a];
    expect(theAccount).toMatchObject({
      fullName: 'Huỳnh Thị Ngọc Hân',
      hasAccount: true,
      phone: null,
      enrolments: 0,
      certificates: 0,
      organisations: ['Học viện Kỹ năng số Mekong'],
    });
    expect(theRoster).toMatchObject({
      fullName: 'Huynh Thi Ngoc Han',
      sex: 'F',
      dateOfBirth: '2001-04-30',
      province: { code: '92' },
      phone: '+8491•••••78',
      email: 'n•••h@example.vn',
      hasAccount: false,
      hasNationalId: false,
      enrolments: 1,
      certificates: 1,
      mergedInto: null,
      erased: false,
    });
    expect(theRoster.organisations).toHaveLength(2);
    expect(JSON.stringify(pair)).not.toContain('912345678');
    expect(JSON.stringify(pair)).not.toContain('ngochan');

    const ja = (await (await w.browser('manager@nic.vn', 'ja')).get(`${LIST}/${strong}`)).json();
    expect(ja.reasons[0]).toEqual({ code: 'phone', text: '同じ電話番号' });
    const vi = (await (await w.browser('manager@nic.vn', 'vi')).get(`${LIST}/${strong}`)).json();
    expect(vi.reasons[0].text).toBe('Cùng số điện thoại');
  });

  it('sorts by score (likeliest first) or by date, pages, and filters by status', async () => {
    const b = await w.browser('admin@nic.vn');
    const ids = async (query: string) => {
      const res = await b.get(`${LIST}${query}`);
      expect(res.statusCode, query).toBe(200);
      return res.json() as { items: { id: string }[]; total: number; page: number; pageSize: number };
    };
    expect((await ids('')).items.map((p) => p.id)).toEqual([strong, weak]);
    expect((await ids('?sort=score')).items.map((p) => p.id)).toEqual([weak, strong]);
    expect((await ids('?sort=createdAt')).items.map((p) => p.id)).toEqual([strong, weak]);
    expect((await ids('?sort=-createdAt')).items.map((p) => p.id)).toEqual([weak, strong]);
    expect(await ids('?page=2&pageSize=1')).toMatchObject({
      items: [{ id: weak }],
      total: 2,
      page: 2,
      pageSize: 1,
    });
    expect((await b.get(`${LIST}?status=maybe`)).statusCode).toBe(400);

    const decided = await b.post(`${LIST}/${weak}/decision`, { decision: 'not_duplicate' });
    expect(decided.statusCode).toBe(200);
    expect((await ids('')).items.map((p) => p.id)).toEqual([strong]);
    expect(await ids('?status=not_duplicate')).toMatchObject({ items: [{ id: weak }], total: 1 });
    expect(await ids('?status=merged')).toMatchObject({ items: [], total: 0 });
  });
});

describe('the words', () => {
  const reasons = ['nationalId', 'phone', 'email', 'nameDob', 'nameDobProvince', 'nameDobNear'];
  const conflicts = ['nationalIdConflict', 'dobConflict', 'sexConflict'];
  /** Pairs queued when an account registers (registry/people/registration.ts). */
  const other = ['registration'];
  const kinds = ['same', 'close', 'partial', 'weak', 'different'];
  const codes = [
    'DUPLICATE_PAIR_DECIDED',
    'MERGE_TWO_ACCOUNTS',
    'MERGE_PERSON_UNAVAILABLE',
    'MERGE_ALREADY_UNDONE',
    'MERGE_UNDO_BLOCKED',
  ] as const;

  it('name every reason, name comparison and refusal in Vietnamese, English and Japanese', () => {
    for (const m of [vi, en, ja]) {
      for (const r of [...reasons, ...conflicts, ...other])
        expect(m.review.reasons[r as 'phone'], r).toBeTruthy();
      for (const k of kinds) expect(m.review.nameMatch[k as 'same'], k).toBeTruthy();
      for (const c of codes) {
        expect(errorStatus[c]).toBeGreaterThanOrEqual(400);
        expect(m.errors[c], c).toBeTruthy();
      }
      expect(m.validation.survivorNotInPair).toBeTruthy();
    }
  });
});

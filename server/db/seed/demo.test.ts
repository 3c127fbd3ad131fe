import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import type { AppContext } from '../../lib/context';
import { MemoryMailTransport } from '../../lib/mail';
import { MemoryFileStorage } from '../../lib/storage';
import { assertStrongPassword, verifyPassword } from '../../modules/identity/password';
import { findUserByEmail, grantsOfUsers } from '../../modules/identity/repo';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import type { Role } from '../schema';
import {
  DEMO_PASSWORD,
  demoAccounts,
  isDemoSeeded,
  ROSTER_LEARNERS,
  rosterLearnerEmail,
  rosterLearnerName,
  seedDemo,
} from './demo';
import { provinces, seedReference } from './reference';

const ALL_ROLES: Role[] = [
  'learner',
  'trainer',
  'partner_admin',
  'employer',
  'program_manager',
  'donor_viewer',
  'fund_manager',
  'reviewer',
  'platform_admin',
];
const MEKONG_DELTA = ['82', '86', '91', '92', '96'];

describe('demo seed', () => {
  let database: TestDatabase;
  let ctx: AppContext;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedReference(database.db);
    ctx = {
      database,
      db: database.db,
      config: loadConfig({ NODE_ENV: 'test', DATA_DIR: './tmp/test' }),
      mail: new MemoryMailTransport(),
      storage: new MemoryFileStorage(),
      log: { info: () => {}, warn: () => {}, error: () => {} },
    };
    expect(await isDemoSeeded(database.db)).toBe(false);
    expect(await seedDemo(ctx)).toEqual(demoAccounts);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('creates nine training partners, all marked demo, in current provinces including the Mekong delta', async () => {
    const partners = await database.db
      .selectFrom('organisations')
      .selectAll()
      .where('kind', '=', 'training_partner')
      .execute();
    expect(partners).toHaveLength(9);
    const codes = new Set(provinces.map((p) => p.code));
    for (const p of partners) {
      expect(p.is_demo).toBe(true);
      expect(p.name.startsWith('[Demo] ')).toBe(true);
      expect(p.verified_at).not.toBeNull();
      expect(codes.has(p.province_code!)).toBe(true);
    }
    const provincesUsed = partners.map((p) => p.province_code);
    expect(provincesUsed.filter((c) => MEKONG_DELTA.includes(c!)).length).toBeGreaterThanOrEqual(3);
    expect(provincesUsed).toEqual(expect.arrayContaining(['01', '48', '79', '92']));
  });

  it('has NIC, employers in Vietnam and Japan (one awaiting verification), donors and start-ups; only NIC is real', async () => {
    const orgs = await database.db.selectFrom('organisations').selectAll().execute();
    const nic = orgs.find((o) => o.kind === 'nic');
    expect(nic?.name).toBe('Trung tâm Đổi mới sáng tạo Quốc gia (NIC)');
    expect(nic?.verified_at).not.toBeNull();
    expect(orgs.filter((o) => o.kind !== 'nic').every((o) => o.is_demo && o.name.startsWith('[Demo] '))).toBe(
      true,
    );
    const employers = orgs.filter((o) => o.kind === 'employer');
    expect(employers.some((o) => o.country === 'VN' && o.verified_at)).toBe(true);
    expect(employers.some((o) => o.country === 'JP' && o.verified_at)).toBe(true);
    expect(employers.some((o) => o.verified_at === null)).toBe(true);
    expect(orgs.filter((o) => o.kind === 'donor').length).toBeGreaterThanOrEqual(3);
    expect(orgs.some((o) => o.kind === 'startup')).toBe(true);
  });

  it('lists at least one account for every role, with a shared password strong enough for the rules', () => {
    expect(new Set(demoAccounts.map((a) => a.role))).toEqual(new Set(ALL_ROLES));
    expect(demoAccounts.filter((a) => a.role === 'partner_admin')).toHaveLength(2);
    expect(new Set(demoAccounts.map((a) => a.email)).size).toBe(demoAccounts.length);
    for (const a of demoAccounts) {
      expect(a.password).toBe(DEMO_PASSWORD);
      expect(() => assertStrongPassword(a.password, a.email)).not.toThrow();
    }
  });

  it('finds each demo account by e-mail with its role, and an argon2id hash of the shared password', async () => {
    for (const a of demoAccounts) {
      const user = await findUserByEmail(database.db, a.email.toUpperCase());
      expect(user, a.email).toBeDefined();
      expect(user!.display_name).toBe(a.displayName);
      expect(user!.password_hash.startsWith('$argon2id$')).toBe(true);
      const grants = await grantsOfUsers(database.db, [user!.id]);
      expect(grants.map((g) => g.role)).toContain(a.role);
    }
    const admin = await findUserByEmail(database.db, demoAccounts[0]!.email);
    expect(await verifyPassword(admin!.password_hash, DEMO_PASSWORD)).toBe(true);
  });

  it('puts the two partner admins in different training partners and the learner in none', async () => {
    const [one, two] = demoAccounts.filter((a) => a.role === 'partner_admin');
    const orgOf = async (email: string) => {
      const user = await findUserByEmail(database.db, email);
      return (await grantsOfUsers(database.db, [user!.id])).map((g) => [
        g.organisation_kind,
        g.organisation_id,
      ]);
    };
    const [a, b] = [await orgOf(one!.email), await orgOf(two!.email)];
    expect(a[0]?.[0]).toBe('training_partner');
    expect(b[0]?.[0]).toBe('training_partner');
    expect(a[0]?.[1]).not.toBe(b[0]?.[1]);
    expect(await orgOf(demoAccounts.find((x) => x.role === 'learner')!.email)).toEqual([[null, null]]);
  });

  it('spreads forty roster learners with Vietnamese names over all nine partners', async () => {
    expect(ROSTER_LEARNERS).toBe(40);
    const users = await database.db
      .selectFrom('users as u')
      .innerJoin('role_grants as g', 'g.user_id', 'u.id')
      .innerJoin('organisations as o', 'o.id', 'g.organisation_id')
      .select(['u.email', 'u.display_name', 'o.kind', 'g.role', 'o.id as org'])
      .where('u.email', 'like', 'hocvien%')
      .orderBy('u.email')
      .execute();
    expect(users).toHaveLength(ROSTER_LEARNERS);
    expect(users.every((u) => u.role === 'learner' && u.kind === 'training_partner')).toBe(true);
    expect(new Set(users.map((u) => u.org)).size).toBe(9);
    expect(users[0]).toMatchObject({ email: rosterLearnerEmail(0), display_name: rosterLearnerName(0) });
    expect(new Set(users.map((u) => u.display_name)).size).toBe(ROSTER_LEARNERS);
    expect(users.filter((u) => u.display_name.includes(' Thị ')).length).toBeGreaterThan(5);
  });

  it('writes one seed.demo audit entry and knows it has run', async () => {
    const rows = await database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'seed.demo')
      .execute();
    expect(rows).toHaveLength(1);
    expect(await isDemoSeeded(database.db)).toBe(true);
  });
});

/**
 * What each `nhanluc` command does. Loaded only when a command runs, so `--help` and argument errors
 * answer without starting the database code. Results go to stdout, progress to stderr.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { type Config, ConfigError, loadConfig } from '../server/config';
import { BackupError, backupTo, readBackupHeader, restoreFrom, tableRowCounts } from '../server/db/backup';
import { type Database, openDatabase } from '../server/db/client';
import { migrateToLatest, migrations, pendingMigrations } from '../server/db/migrate';
import { seedOnFirstStart } from '../server/db/seed';
import { isDemoSeeded, seedDemo } from '../server/db/seed/demo';
import { seedPrograms } from '../server/db/seed/programs';
import { seedReference } from '../server/db/seed/reference';
import { runDailyJobs, vietnamDate } from '../server/jobs';
import type { AppContext } from '../server/lib/context';
import { AppError } from '../server/lib/errors';
import { translate } from '../server/lib/i18n';
import { type MailTransport, MemoryMailTransport, mailTransportFor } from '../server/lib/mail';
import { storageFor } from '../server/lib/storage';
import { insertAudit } from '../server/modules/audit/repo';
import { importCommunes } from '../server/modules/geo/service';
import { assertStrongPassword, hashPassword } from '../server/modules/identity/password';
import { findUserByEmail, insertGrant, insertUser } from '../server/modules/identity/repo';
import { EscoFileError, importEsco } from '../server/modules/talent/esco/importer';

/** A failure the operator can fix; printed as is, without a stack trace. */
export class CliError extends Error {}

const out = (line = '') => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

/**
 * A progress line that rewrites itself on a terminal. In a log, `finalLine` keeps the last state as
 * one line; without it nothing is written, for commands whose stdout report already says it all.
 */
function progressLine(opts: { finalLine?: boolean } = {}) {
  const tty = process.stderr.isTTY;
  let last = '';
  return {
    update(text: string) {
      last = text;
      if (tty) process.stderr.write(`\r${text}\x1b[K`);
    },
    done() {
      if (tty && last) process.stderr.write('\n');
      else if (!tty && last && opts.finalLine) err(last);
    },
  };
}

async function withDatabase<T>(fn: (database: Database, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: join(config.DATA_DIR, 'db') });
  out(
    `database: ${database.kind === 'pg' ? 'PostgreSQL server (DATABASE_URL)' : `embedded PGlite in ${database.dataDir}`}`,
  );
  try {
    return await fn(database, config);
  } finally {
    await database.close();
  }
}

/** Commands that write data bring the schema up to date first, as a server start would. */
async function migrated(database: Database) {
  const applied = await migrateToLatest(database.db);
  if (applied.length > 0) out(`migrations applied: ${applied.join(', ')}`);
}

function cliContext(database: Database, config: Config, mail?: MailTransport): AppContext {
  return {
    database,
    db: database.db,
    config,
    // Only send-reminders sends mail; elsewhere a memory transport keeps anything from going out.
    mail: mail ?? new MemoryMailTransport(),
    storage: storageFor(config.DATA_DIR),
    log: { info: err, warn: (m) => err(`warning: ${m}`), error: (o, m) => err(`error: ${m ?? String(o)}`) },
  };
}

function printCounts(counts: Record<string, number>) {
  const width = Math.max(...Object.keys(counts).map((t) => t.length), 5);
  let total = 0;
  for (const [table, n] of Object.entries(counts)) {
    out(`  ${table.padEnd(width)} ${String(n).padStart(8)}`);
    total += n;
  }
  out(`  ${'total'.padEnd(width)} ${String(total).padStart(8)} rows`);
}

const formatBytes = (n: number) =>
  n < 1024
    ? `${n} B`
    : n < 1024 * 1024
      ? `${(n / 1024).toFixed(1)} KiB`
      : `${(n / 1024 / 1024).toFixed(1)} MiB`;

export function migrate() {
  return withDatabase(async (database) => {
    const applied = await migrateToLatest(database.db);
    out(applied.length > 0 ? `applied now: ${applied.join(', ')}` : 'no pending migrations');
    const pending = new Set(await pendingMigrations(database.db));
    out(
      `database is at: ${Object.keys(migrations)
        .filter((m) => !pending.has(m))
        .join(', ')}`,
    );
  });
}

export function seed(opts: { demo?: boolean }) {
  return withDatabase(async (database, config) => {
    await migrated(database);
    const reference = await seedReference(database.db);
    out(`reference data: ${reference.provinces} provinces, ${reference.formerProvinces} former provinces`);
    if (!opts.demo) return;
    const ctx = cliContext(database, { ...config, SEED_DEMO: true });
    if (await isDemoSeeded(ctx.db)) {
      out('demo data is already present: nothing changed');
      return;
    }
    // The first-start path also marks the database as seeded, so the server will not seed it again.
    const first = await seedOnFirstStart(ctx);
    let accounts = first.demoAccounts;
    if (!first.seededNow) {
      // Started before without demo data: add it, and link the programs to the demo organisations.
      accounts = await seedDemo(ctx);
      await seedPrograms(ctx.db, { demo: true });
    }
    out(`demo data seeded: ${accounts.length} accounts, at least one per role, same password for all`);
    for (const a of accounts) out(`  ${a.role.padEnd(16)} ${a.email.padEnd(36)} ${a.displayName}`);
    out(`  password: ${accounts[0]?.password}`);
  });
}

/** Strong by construction (120 random bits); checked anyway, by the same rule as a chosen one. */
function generatePassword(email: string) {
  for (;;) {
    const candidate = randomBytes(15).toString('base64url');
    try {
      assertStrongPassword(candidate, email);
      return candidate;
    } catch {
      // Astronomically unlikely; draw again.
    }
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function createAdmin(opts: { email: string; name: string; password?: string }) {
  const email = opts.email.trim();
  const name = opts.name.trim();
  if (!EMAIL.test(email)) throw new CliError(`not an e-mail address: "${opts.email}"`);
  if (name === '') throw new CliError('--name must not be empty');
  // Checked before the database is opened: a weak choice is refused whether or not the account exists.
  if (opts.password !== undefined) assertStrongPassword(opts.password, email);

  return withDatabase(async (database) => {
    await migrated(database);
    const db = database.db;
    const existing = await findUserByEmail(db, email);
    if (existing) {
      const granted = await db.transaction().execute(async (trx) => {
        const grant = await insertGrant(trx, {
          userId: existing.id,
          role: 'platform_admin',
          organisationId: null,
          grantedBy: null,
        });
        if (grant) {
          await insertAudit(trx, {
            actorUserId: null,
            action: 'role.granted',
            entityType: 'user',
            entityId: existing.id,
            details: { role: 'platform_admin', grantId: grant.id, via: 'cli' },
          });
        }
        return grant !== undefined;
      });
      out(
        granted
          ? `${existing.email} already had an account: granted platform_admin`
          : `${existing.email} is already a platform admin: nothing changed`,
      );
      if (opts.password) {
        out('the password given was not used: an existing password is changed only by its owner or a reset');
      }
      return;
    }

    const password = opts.password ?? generatePassword(email);
    const passwordHash = await hashPassword(password);
    const user = await db.transaction().execute(async (trx) => {
      const created = await insertUser(trx, { email, passwordHash, displayName: name, locale: 'vi' });
      const grant = await insertGrant(trx, {
        userId: created.id,
        role: 'platform_admin',
        organisationId: null,
        grantedBy: null,
      });
      await insertAudit(trx, {
        actorUserId: null,
        action: 'user.created',
        entityType: 'user',
        entityId: created.id,
        details: { email, via: 'cli' },
      });
      await insertAudit(trx, {
        actorUserId: null,
        action: 'role.granted',
        entityType: 'user',
        entityId: created.id,
        details: { role: 'platform_admin', grantId: grant?.id, via: 'cli' },
      });
      return created;
    });
    out(`created platform admin ${user.email} (${user.display_name})`);
    if (!opts.password) out(`password (shown once, store it now): ${password}`);
  });
}

export function importCommunesFile(file: string) {
  return withDatabase(async (database) => {
    await migrated(database);
    // Communes refer to provinces: make sure the 34 units are there.
    await seedReference(database.db);
    const progress = progressLine({ finalLine: true });
    const r = await importCommunes(database.db, file, (p) =>
      progress.update(`importing communes: ${p.done}/${p.total}`),
    );
    progress.done();
    out(
      `communes: ${r.communes} in ${r.provinces} provinces (${r.wards} wards, ${r.rural} rural communes, ${r.specialZones} special zones)`,
    );
    out(`inserted ${r.inserted}, updated ${r.updated}, unchanged ${r.unchanged}`);
  });
}

/** `import-esco`: the official ESCO CSV release (classification and relations zips), in one transaction. */
export function importEscoFiles(classification: string, relations: string) {
  return withDatabase(async (database) => {
    await migrated(database);
    const progress = progressLine({ finalLine: true });
    const r = await importEsco(database.db, { classification, relations }, (p) =>
      progress.update(`reading ${p.phase}: ${p.rows} rows`),
    );
    progress.done();
    out(`ESCO (${r.language}): ${r.skills} skills, ${r.occupations} occupations`);
    out(
      `occupation skills: ${r.links.essential} essential, ${r.links.optional} optional; ` +
        `${r.linksSkipped} naming an unknown skill or occupation skipped, ${r.linksRemoved} no longer listed removed`,
    );
  });
}

export function backup(file: string) {
  return withDatabase(async (database) => {
    const progress = progressLine();
    const r = await backupTo(database.db, file, (p) =>
      progress.update(`backing up ${p.table}: ${p.rows} rows`),
    );
    progress.done();
    printCounts(r.counts);
    out(`migrations: ${r.migrations.join(', ') || '(none)'}`);
    out(`backup written: ${r.file} (${formatBytes(r.bytes)})`);
  });
}

export async function restore(file: string, opts: { force?: boolean }) {
  // Read before the database is opened or migrated: a file that is not a backup changes nothing.
  const header = await readBackupHeader(file);
  return withDatabase(async (database) => {
    out(`backup of ${header.created_at}, migrations ${header.migrations.join(', ') || '(none)'}`);
    await migrated(database);
    const held = Object.entries(await tableRowCounts(database.db)).filter(([, n]) => n > 0);
    if (held.length > 0 && !opts.force) {
      const list = held.map(([t, n]) => `${t} ${n}`).join(', ');
      throw new CliError(
        `the database is not empty (${list}): pass --force to replace its data with the backup`,
      );
    }
    const progress = progressLine();
    const r = await restoreFrom(database.db, file, (p) =>
      progress.update(`restoring ${p.table}: ${p.rows} rows`),
    );
    progress.done();
    printCounts(r.counts);
    if (r.newerThanBackup.length > 0) {
      out(
        `note: migrations ${r.newerThanBackup.join(', ')} came after the backup; their new columns hold defaults`,
      );
    }
    out(`restored from ${file}`);
  });
}

/** One line an operator can act on; a stack trace only for what nobody anticipated. */
export function describeError(e: unknown): { message: string; code: number; expected: boolean } {
  // Exit status 78 (EX_CONFIG), as the server uses for a bad environment.
  if (e instanceof ConfigError) return { message: e.message, code: 78, expected: true };
  if (e instanceof CliError || e instanceof BackupError || e instanceof EscoFileError)
    return { message: e.message, code: 1, expected: true };
  if (e instanceof AppError) {
    // An AppError's message is either its code (the user text is the translation) or already a sentence.
    const message = e.message === e.code ? translate('en', `errors.${e.code}`, e.params) : e.message;
    return { message, code: 1, expected: true };
  }
  return { message: e instanceof Error ? e.message : String(e), code: 1, expected: false };
}

/** `send-reminders`: the daily jobs a running server does every hour, once, for cron. */
export async function sendReminders(opts: { date?: string }) {
  if (opts.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) {
    throw new CliError(`--date must be a calendar date YYYY-MM-DD, not "${opts.date}"`);
  }
  await withDatabase(async (database, config) => {
    await migrated(database);
    const ctx = cliContext(
      database,
      config,
      mailTransportFor(config, (m) => err(`mail: ${m}`)),
    );
    const r = await runDailyJobs(ctx, opts.date ?? vietnamDate());
    out(`${r.date}: ${r.cohortStartReminders} cohort start reminders sent (cohorts starting the next day)`);
  });
}

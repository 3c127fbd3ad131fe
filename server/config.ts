/**
 * One typed configuration, read from the environment and validated at start-up.
 * The process refuses to start on a bad environment and names the variable that is wrong.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Static, Type } from 'typebox';
import { Value } from 'typebox/value';

const ConfigSchema = Type.Object({
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('production'), Type.Literal('test')]),
  HOST: Type.String({ minLength: 1 }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535 }),
  /** postgres://… switches from the embedded PGlite to a PostgreSQL server. */
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  /** Folder of the embedded database and of local files (mails, uploads, backups). */
  DATA_DIR: Type.String({ minLength: 1 }),
  /** Public address of the web app, used in links inside e-mails. */
  APP_URL: Type.String({ pattern: '^https?://' }),
  /** smtp://… sends real mail; without it mails are written to DATA_DIR/mail and logged. */
  SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://' })),
  MAIL_FROM: Type.String({ minLength: 3 }),
  LOG_LEVEL: Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const),
  /** Seed demo data on the first start of an empty database. */
  SEED_DEMO: Type.Boolean(),
  /**
   * A folder holding the ESCO CSV release (…classification…csv.zip and …relations…csv.zip), imported
   * with the demo data on the first start. Default outside production: ../shared/data/esco.
   */
  ESCO_DIR: Type.Optional(Type.String()),
  /** Cookies get the Secure flag (set behind HTTPS). */
  COOKIE_SECURE: Type.Boolean(),
  /** Failed logins before an account is locked, and for how long. */
  LOGIN_MAX_FAILURES: Type.Integer({ minimum: 1 }),
  LOGIN_LOCK_MINUTES: Type.Integer({ minimum: 1 }),
  SESSION_DAYS: Type.Integer({ minimum: 1 }),
  /** At least 32 random bytes, base64 or hex: encrypts the certificate issuers' private keys at rest. */
  CREDENTIAL_SECRET: Type.String({ minLength: 1 }),
  /**
   * At least 32 random bytes, base64 or hex: encrypts national ID numbers at rest and keys the hashes
   * that match them. Losing it loses every stored CCCD; changing it needs a re-hash of the registry.
   */
  PERSONAL_DATA_SECRET: Type.String({ minLength: 1 }),
});
export type Config = Static<typeof ConfigSchema>;

export class ConfigError extends Error {}

const bool = (v: string | undefined, fallback: boolean) =>
  v === undefined ? fallback : v === '1' || v.toLowerCase() === 'true' || v.toLowerCase() === 'yes';
const int = (name: string, v: string | undefined, fallback: number) => {
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n)) throw new ConfigError(`${name} must be a whole number, got "${v}"`);
  return n;
};

/** The bytes of a secret given as hex or base64 (standard or URL-safe); null when it is neither. */
export function decodeSecret(value: string): Buffer | null {
  const v = value.trim();
  if (/^([0-9a-f]{2})+$/i.test(v)) return Buffer.from(v, 'hex');
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(v))
    return Buffer.from(v.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return null;
}

/**
 * The secrets (CREDENTIAL_SECRET, PERSONAL_DATA_SECRET) come from the environment in production: a
 * secret kept beside the data it protects would travel with every copy of DATA_DIR. Elsewhere one is
 * made on first start and kept in DATA_DIR/secrets, so restarts keep reading what they wrote.
 */
function checkSecret(raw: Record<string, unknown>, name: 'CREDENTIAL_SECRET' | 'PERSONAL_DATA_SECRET') {
  if (raw[name] === undefined) {
    if (raw.NODE_ENV === 'production')
      throw new ConfigError(
        `${name} is required in production: 32 random bytes, base64 or hex (openssl rand -base64 32)`,
      );
    // Without a usable DATA_DIR there is nowhere to keep one: the schema check names DATA_DIR.
    if (typeof raw.DATA_DIR !== 'string' || raw.DATA_DIR === '') return;
    raw[name] = localSecret(join(raw.DATA_DIR, 'secrets', name.toLowerCase().replaceAll('_', '-')));
  }
  const bytes = decodeSecret(String(raw[name]));
  if (!bytes || bytes.length < 32)
    throw new ConfigError(
      `Invalid environment variable ${name}: needs at least 32 bytes, written in base64 or hex`,
    );
}

/** Reads the secret kept in `file`, or creates it (0600) without ever exposing a half-written one. */
function localSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(tmp, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  try {
    // link() fails when another process made the file first: then theirs wins and both use it.
    linkSync(tmp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    rmSync(tmp, { force: true });
  }
  return readFileSync(file, 'utf8').trim();
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const nodeEnv = env.NODE_ENV ?? 'development';
  const port = int('PORT', env.PORT, 3000);
  const raw: Record<string, unknown> = {
    NODE_ENV: nodeEnv,
    HOST: env.HOST ?? '0.0.0.0',
    PORT: port,
    DATABASE_URL: env.DATABASE_URL || undefined,
    DATA_DIR: env.DATA_DIR ?? './data',
    APP_URL: env.APP_URL ?? `http://localhost:${port}`,
    SMTP_URL: env.SMTP_URL || undefined,
    MAIL_FROM: env.MAIL_FROM ?? 'Nhân Lực <no-reply@nhanluc.local>',
    LOG_LEVEL: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    SEED_DEMO: bool(env.SEED_DEMO, nodeEnv !== 'production'),
    ESCO_DIR: env.ESCO_DIR ?? (nodeEnv === 'production' ? undefined : '../shared/data/esco'),
    COOKIE_SECURE: bool(env.COOKIE_SECURE, nodeEnv === 'production'),
    LOGIN_MAX_FAILURES: int('LOGIN_MAX_FAILURES', env.LOGIN_MAX_FAILURES, 5),
    LOGIN_LOCK_MINUTES: int('LOGIN_LOCK_MINUTES', env.LOGIN_LOCK_MINUTES, 15),
    SESSION_DAYS: int('SESSION_DAYS', env.SESSION_DAYS, 14),
    CREDENTIAL_SECRET: env.CREDENTIAL_SECRET || undefined,
    PERSONAL_DATA_SECRET: env.PERSONAL_DATA_SECRET || undefined,
    ...overrides,
  };
  checkSecret(raw, 'CREDENTIAL_SECRET');
  checkSecret(raw, 'PERSONAL_DATA_SECRET');
  const first = Value.Errors(ConfigSchema, raw)[0];
  if (first) {
    const name = first.instancePath.replace(/^\//, '') || String(first.params ?? '');
    throw new ConfigError(
      `Invalid environment variable ${name}: ${first.message} (got ${JSON.stringify(raw[name])})`,
    );
  }
  return raw as Config;
}

/**
 * One typed configuration, read from the environment and validated at start-up.
 * The process refuses to start on a bad environment and names the variable that is wrong.
 */
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
  /** Cookies get the Secure flag (set behind HTTPS). */
  COOKIE_SECURE: Type.Boolean(),
  /** Failed logins before an account is locked, and for how long. */
  LOGIN_MAX_FAILURES: Type.Integer({ minimum: 1 }),
  LOGIN_LOCK_MINUTES: Type.Integer({ minimum: 1 }),
  SESSION_DAYS: Type.Integer({ minimum: 1 }),
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
    COOKIE_SECURE: bool(env.COOKIE_SECURE, nodeEnv === 'production'),
    LOGIN_MAX_FAILURES: int('LOGIN_MAX_FAILURES', env.LOGIN_MAX_FAILURES, 5),
    LOGIN_LOCK_MINUTES: int('LOGIN_LOCK_MINUTES', env.LOGIN_LOCK_MINUTES, 15),
    SESSION_DAYS: int('SESSION_DAYS', env.SESSION_DAYS, 14),
    ...overrides,
  };
  const first = Value.Errors(ConfigSchema, raw)[0];
  if (first) {
    const name = first.instancePath.replace(/^\//, '') || String(first.params ?? '');
    throw new ConfigError(
      `Invalid environment variable ${name}: ${first.message} (got ${JSON.stringify(raw[name])})`,
    );
  }
  return raw as Config;
}

import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('has working defaults for development', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      PORT: 3000,
      DATA_DIR: './data',
      APP_URL: 'http://localhost:3000',
      SEED_DEMO: true,
      COOKIE_SECURE: false,
    });
    expect(c.DATABASE_URL).toBeUndefined();
  });

  it('refuses to start on a bad environment and names the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });

  it('is strict in production', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      CREDENTIAL_SECRET: 'x'.repeat(64),
      PERSONAL_DATA_SECRET: 'y'.repeat(64),
    });
    expect(c.SEED_DEMO).toBe(false);
    expect(c.COOKIE_SECURE).toBe(true);
  });
});

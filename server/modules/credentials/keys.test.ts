import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calculateJwkThumbprint } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config';
import { decryptPrivateKey, encryptPrivateKey, generateIssuerKey } from './keys';
import {
  buildStatusListCredential,
  credentialProblems,
  encodeStatusList,
  STATUS_LIST_BITS,
  statusBit,
} from './vc';

const SECRET = Buffer.alloc(32, 1).toString('base64');
const OTHER = Buffer.alloc(32, 2).toString('hex');
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'nhanluc-secret-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('issuer keys', () => {
  it('name each key by its RFC 7638 thumbprint, as jose computes it', async () => {
    const k = generateIssuerKey(SECRET);
    expect(k.kid).toBe(await calculateJwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: k.publicJwk.x }));
    expect(k.publicJwk).toEqual({
      kty: 'OKP',
      crv: 'Ed25519',
      x: k.publicJwk.x,
      kid: k.kid,
      alg: 'EdDSA',
      use: 'sig',
    });
  });

  it('keep the private key encrypted, readable only with the same secret and for the same kid', () => {
    const k = generateIssuerKey(SECRET);
    expect(k.privateKeyEncrypted).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    const back = decryptPrivateKey(k.privateKeyEncrypted, k.kid, SECRET);
    expect(back.export({ format: 'jwk' })).toEqual(k.privateKey.export({ format: 'jwk' }));
    expect(() => decryptPrivateKey(k.privateKeyEncrypted, k.kid, OTHER)).toThrow();
    // Copied onto another key's row, it does not decrypt.
    expect(() => decryptPrivateKey(k.privateKeyEncrypted, 'another-kid', SECRET)).toThrow();
    // Two encryptions of the same key differ (fresh IV each time).
    expect(encryptPrivateKey(k.privateKey, k.kid, SECRET)).not.toBe(k.privateKeyEncrypted);
  });
});

describe.each([
  ['CREDENTIAL_SECRET', 'PERSONAL_DATA_SECRET', 'credential-secret'],
  ['PERSONAL_DATA_SECRET', 'CREDENTIAL_SECRET', 'personal-data-secret'],
] as const)('%s', (name, otherName, fileName) => {
  it('is required in production and must hold 32 bytes', () => {
    // The other secret is given, so every error below is about this one.
    const prod = { NODE_ENV: 'production', DATA_DIR: tempDir(), [otherName]: OTHER };
    expect(() => loadConfig(prod)).toThrow(ConfigError);
    expect(() => loadConfig(prod)).toThrow(new RegExp(`${name} is required in production`));
    expect(() => loadConfig({ ...prod, [name]: Buffer.alloc(16).toString('base64') })).toThrow(
      new RegExp(`Invalid environment variable ${name}: needs at least 32 bytes`),
    );
    expect(() => loadConfig({ ...prod, [name]: 'not a secret!' })).toThrow(new RegExp(name));
    expect(loadConfig({ ...prod, [name]: SECRET })[name]).toBe(SECRET);
    expect(existsSync(join(prod.DATA_DIR, 'secrets'))).toBe(false);
  });

  it('is made once outside production and kept (0600) in DATA_DIR/secrets, so restarts keep reading', () => {
    const dataDir = tempDir();
    const first = loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir })[name];
    const file = join(dataDir, 'secrets', fileName);
    expect(readFileSync(file, 'utf8').trim()).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(first, 'base64')).toHaveLength(32);
    expect(loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir })[name]).toBe(first);
    // Secrets given explicitly win and nothing is written.
    const other = tempDir();
    const given = loadConfig({
      NODE_ENV: 'development',
      DATA_DIR: other,
      [name]: OTHER,
      [otherName]: SECRET,
    });
    expect(given[name]).toBe(OTHER);
    expect(existsSync(join(other, 'secrets'))).toBe(false);
  });
});

describe('revocation list', () => {
  it('is a GZIP bitstring of at least 16 KiB, multibase base64url, index 0 leftmost', () => {
    const list = encodeStatusList([0, 9, 131_071]);
    expect(list.startsWith('u')).toBe(true);
    expect([0, 9, 131_071].map((i) => statusBit(list, i))).toEqual([true, true, true]);
    expect([1, 8, 10, 131_070].map((i) => statusBit(list, i))).toEqual([false, false, false, false]);
    expect(() => statusBit(list, STATUS_LIST_BITS)).toThrow();
    // It grows by whole lists when an index needs it.
    expect(statusBit(encodeStatusList([200_000]), 200_000)).toBe(true);
    const vc = buildStatusListCredential({
      appUrl: 'https://x.test/',
      orgId: 'o',
      revokedIndexes: [],
      now: new Date(0),
    });
    expect(vc).toMatchObject({
      id: 'https://x.test/api/credentials/status/o',
      credentialSubject: { id: 'https://x.test/api/credentials/status/o#list', statusPurpose: 'revocation' },
    });
  });
});

describe('Open Badges required fields', () => {
  it('names what is missing', () => {
    expect(credentialProblems({})).toEqual([
      '/@context',
      '/id',
      '/type',
      '/issuer',
      '/validFrom',
      '/name',
      '/credentialSubject',
    ]);
    expect(credentialProblems('x')).toEqual(['/']);
  });
});

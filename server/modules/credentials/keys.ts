/**
 * Issuer keys: one active Ed25519 key pair per issuing organisation, made on first need. The private
 * key is kept encrypted at rest (AES-256-GCM under a key derived from CREDENTIAL_SECRET); the public
 * key is published as a JWK whose `kid` is its RFC 7638 thumbprint. Rotation makes a new key active
 * and keeps the old ones, so every credential ever signed still verifies.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { deriveKey, seal, unseal } from '../../lib/seal';

export interface PublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
}

export interface NewIssuerKey {
  kid: string;
  publicJwk: PublicJwk;
  privateKeyEncrypted: string;
  privateKey: KeyObject;
}

const b64url = (b: Buffer) => b.toString('base64url');

/** RFC 7638: the SHA-256 of the key's required members in lexicographic order, no white space. */
export function jwkThumbprint(jwk: { crv: string; kty: string; x: string }): string {
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x });
  return b64url(createHash('sha256').update(canonical).digest());
}

/** The AES key: derived, so the raw secret is never used directly and can be of any length ≥ 32 bytes. */
const aesKey = (secret: string) =>
  deriveKey(secret, 'nhanluc credential issuer keys v1', 'CREDENTIAL_SECRET');

/**
 * `v1.<iv>.<tag>.<ciphertext>` of the PKCS#8 DER key. The kid is authenticated data, so a private key
 * copied onto another key's row fails to decrypt instead of signing under the wrong kid.
 */
export function encryptPrivateKey(privateKey: KeyObject, kid: string, secret: string): string {
  return seal(privateKey.export({ format: 'der', type: 'pkcs8' }), aesKey(secret), kid);
}

export function decryptPrivateKey(sealed: string, kid: string, secret: string): KeyObject {
  if (!sealed.startsWith('v1.')) throw new Error(`issuer key ${kid}: unknown encryption format`);
  return createPrivateKey({ key: unseal(sealed, aesKey(secret), kid), format: 'der', type: 'pkcs8' });
}

export function generateIssuerKey(secret: string): NewIssuerKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const { x } = publicKey.export({ format: 'jwk' }) as { x: string };
  const kid = jwkThumbprint({ crv: 'Ed25519', kty: 'OKP', x });
  const publicJwk: PublicJwk = { kty: 'OKP', crv: 'Ed25519', x, kid, alg: 'EdDSA', use: 'sig' };
  privateKeys.set(kid, privateKey);
  return { kid, publicJwk, privateKeyEncrypted: encryptPrivateKey(privateKey, kid, secret), privateKey };
}

// Decrypting (AES-GCM + PKCS#8 parsing) costs more than signing itself: keep each key once per process.
// A kid is the thumbprint of a random key, so it names one key in every database this process opens.
const privateKeys = new Map<string, KeyObject>();
const publicKeys = new Map<string, KeyObject>();

export function privateKeyFor(
  row: { kid: string; private_key_encrypted: string },
  secret: string,
): KeyObject {
  let key = privateKeys.get(row.kid);
  if (!key) {
    key = decryptPrivateKey(row.private_key_encrypted, row.kid, secret);
    privateKeys.set(row.kid, key);
  }
  return key;
}

export function publicKeyFor(kid: string, jwk: Record<string, unknown>): KeyObject {
  let key = publicKeys.get(kid);
  if (!key) {
    if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string')
      throw new Error(`issuer key ${kid} is not an Ed25519 JWK`);
    key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' });
    publicKeys.set(kid, key);
  }
  return key;
}

/** Only what a JWKS may show: never a private member, whatever the row holds. */
export const publishedJwk = (jwk: Record<string, unknown>): PublicJwk => ({
  kty: 'OKP',
  crv: 'Ed25519',
  x: String(jwk.x),
  kid: String(jwk.kid),
  alg: 'EdDSA',
  use: 'sig',
});

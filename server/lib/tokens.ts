import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// Random bytes are drawn from the CSPRNG in blocks: one system call per 256 tokens instead of one per
// token. A CSRF cookie is minted for every cookie-less request, so this sits on the hot path.
const BLOCK = 32 * 256;
let pool = Buffer.alloc(0);
let offset = 0;

/** A random secret for a cookie or a link (256 bits, base64url); only its hash is stored. */
export function newToken(): string {
  if (offset + 32 > pool.length) {
    pool = randomBytes(BLOCK);
    offset = 0;
  }
  const token = pool.toString('base64url', offset, offset + 32);
  // Wipe the bytes handed out so no later reader of the pool can learn an issued token.
  pool.fill(0, offset, offset + 32);
  offset += 32;
  return token;
}
export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');
export function sameToken(a: string, b: string) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

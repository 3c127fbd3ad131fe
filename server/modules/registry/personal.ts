/**
 * The national ID (CCCD) at rest: never stored in clear. A keyed hash finds the same number again
 * (matching, uniqueness); a sealed copy, bound to its person's id, lets the person and authorised
 * staff read it. Both keys derive from PERSONAL_DATA_SECRET, one per purpose.
 */
import type { Config } from '../../config';
import { deriveKey, keyedHash, seal, unseal } from '../../lib/seal';

type Secrets = Pick<Config, 'PERSONAL_DATA_SECRET'>;

const hashKey = (c: Secrets) =>
  deriveKey(c.PERSONAL_DATA_SECRET, 'nhanluc national id hash v1', 'PERSONAL_DATA_SECRET');
const sealKey = (c: Secrets) =>
  deriveKey(c.PERSONAL_DATA_SECRET, 'nhanluc national id v1', 'PERSONAL_DATA_SECRET');

/** The matching hash of a 12-digit CCCD. */
export const hashNationalId = (c: Secrets, cccd: string) => keyedHash(hashKey(c), cccd);

export const sealNationalId = (c: Secrets, personId: string, cccd: string) =>
  seal(Buffer.from(cccd, 'utf8'), sealKey(c), personId);

export const openNationalId = (c: Secrets, personId: string, sealed: string) =>
  unseal(sealed, sealKey(c), personId).toString('utf8');

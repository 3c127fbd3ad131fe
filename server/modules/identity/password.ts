/** Password hashing (argon2id) and the rules a new password must meet. */
import { hash, verify } from '@node-rs/argon2';
import { PASSWORD_MIN } from '../../../common/contracts/identity';
import { foldVi } from '../../../common/text';
import { AppError } from '../../lib/errors';

// OWASP's argon2id recommendation (m=19 MiB, t=2, p=1); @node-rs/argon2 defaults to argon2id.
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, options);

export async function verifyPassword(passwordHash: string, password: string) {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of nothing anyone knows: verified against when the account does not exist, so timing says nothing. */
let dummyHash: Promise<string> | undefined;
export const dummyVerify = async (password: string) => {
  dummyHash ??= hashPassword('not-a-real-account-password');
  await verifyPassword(await dummyHash, password);
  return false;
};

const common = new Set([
  '1234567890',
  '12345678910',
  '0123456789',
  'qwertyuiop',
  'password123',
  'password1234',
  'matkhau123',
  'matkhau1234',
  'abc123456789',
  'iloveyou123',
  'anhyeuem123',
  '1111111111',
  '123123123123',
  'admin12345',
]);

export function assertStrongPassword(password: string, email?: string) {
  const folded = foldVi(password);
  const weak =
    [...password].length < PASSWORD_MIN ||
    common.has(password.toLowerCase()) ||
    new Set(password).size < 4 ||
    (email !== undefined &&
      folded.includes(foldVi(email.split('@')[0] ?? '')) &&
      (email.split('@')[0]?.length ?? 0) >= 4);
  if (weak) throw new AppError('WEAK_PASSWORD', { params: { min: PASSWORD_MIN } });
}

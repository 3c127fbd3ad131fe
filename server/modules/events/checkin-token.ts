/**
 * The secret of a registration's QR code, and the code itself.
 *
 * The token is derived, not drawn: HMAC-SHA256 of the participation's id under a key derived from
 * PERSONAL_DATA_SECRET, cut to 128 bits (22 base64url characters). So the registrant can be shown the
 * same code again (registering twice, the event page of a signed-in learner) while the database holds
 * only its SHA-256 (`event_participants.check_in_token_hash`), found by the check-in page's lookup;
 * reading the table gives nobody a working code. Changing the secret changes every code (decision 013).
 */
import { createHmac } from 'node:crypto';
import { checkInPath } from '../../../common/events';
import type { Config } from '../../config';
import { deriveKey } from '../../lib/seal';
import { hashToken } from '../../lib/tokens';

type Secrets = Pick<Config, 'PERSONAL_DATA_SECRET'>;

const key = (c: Secrets) =>
  deriveKey(c.PERSONAL_DATA_SECRET, 'nhanluc event check-in v1', 'PERSONAL_DATA_SECRET');

export const checkInToken = (c: Secrets, participantId: string) =>
  createHmac('sha256', key(c)).update(participantId).digest().subarray(0, 16).toString('base64url');

export const checkInTokenHash = (token: string) => hashToken(token);

/** The address the QR code opens: the staff check-in page of this registration. */
export const checkInUrl = (c: Pick<Config, 'APP_URL'>, token: string) =>
  `${c.APP_URL.replace(/\/+$/, '')}${checkInPath(token)}`;

/** The options every QR code of a registration is drawn with (the tests draw the same to compare). */
export const QR_OPTIONS = { type: 'svg', errorCorrectionLevel: 'M', margin: 2 } as const;

/**
 * The QR code of `url` as an SVG data URL, shown with `<img>` (never inserted as markup). qrcode is
 * loaded on the first registration, not at start-up.
 */
export async function qrCodeDataUrl(url: string): Promise<string> {
  const { default: QRCode } = await import('qrcode');
  const svg = await QRCode.toString(url, QR_OPTIONS);
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

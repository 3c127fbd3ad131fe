/** What JSON about certificates leaves the server. The public view carries the learner's name and nothing else about them. */
import type { Static } from 'typebox';
import type { IssuedCredential, PublicCredential, WalletItem } from '../../../common/contracts/credentials';
import type { Locale } from '../../../common/i18n/locales';
import type * as repo from './repo';
import { reasonText, statusOf } from './service';
import { credentialUrls, type OpenBadgeCredential } from './vc';

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

type Row = NonNullable<Awaited<ReturnType<typeof repo.findCredential>>>;
type ListRow = Awaited<ReturnType<typeof repo.listCredentialsOfIssuer>>['rows'][number];

export function presentPublicCredential(
  c: Row,
  appUrl: string,
  locale: Locale,
): Static<typeof PublicCredential> {
  const urls = credentialUrls(appUrl);
  const credential = c.credential as OpenBadgeCredential;
  return {
    id: c.id,
    url: urls.credential(c.id),
    verifyUrl: urls.verifyPage(c.id),
    status: statusOf(c),
    // The name as certified, not as the person's record reads today: the page shows what was signed.
    learnerName: credential.credentialSubject?.name ?? c.full_name,
    courseTitle: credential.credentialSubject?.achievement?.name ?? '',
    issuer: {
      organisationId: c.issuer_organisation_id,
      name: credential.issuer?.name ?? c.issuer_name,
      profileUrl: urls.issuer(c.issuer_organisation_id),
    },
    language: c.language,
    issuedAt: iso(c.issued_at),
    validUntil: isoOrNull(c.valid_until),
    revokedAt: isoOrNull(c.revoked_at),
    revocationReason: reasonText(locale, c.revocation_reason),
    jwt: c.jwt,
  };
}

export function presentWalletItem(c: ListRow, appUrl: string, locale: Locale): Static<typeof WalletItem> {
  const urls = credentialUrls(appUrl);
  return {
    id: c.id,
    url: urls.credential(c.id),
    verifyUrl: urls.verifyPage(c.id),
    status: statusOf(c),
    courseId: c.course_id,
    courseTitle: c.course_title,
    issuer: {
      organisationId: c.issuer_organisation_id,
      name: c.issuer_name,
      profileUrl: urls.issuer(c.issuer_organisation_id),
    },
    language: c.language,
    issuedAt: iso(c.issued_at),
    validUntil: isoOrNull(c.valid_until),
    revokedAt: isoOrNull(c.revoked_at),
    revocationReason: reasonText(locale, c.revocation_reason),
  };
}

export const presentIssuedCredential = (
  c: ListRow,
  appUrl: string,
  locale: Locale,
): Static<typeof IssuedCredential> => ({
  ...presentWalletItem(c, appUrl, locale),
  learnerName: c.full_name,
  personId: c.person_id,
});

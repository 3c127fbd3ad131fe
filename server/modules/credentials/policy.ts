/**
 * Who may do what with certificates. Deny by default. Reading a certificate by its id is public on
 * purpose (it is a verification link the holder shares); everything else is named here.
 */
import { type Actor, hasRole, isPlatformAdmin } from '../../lib/actor';
import { forbidden } from '../../lib/errors';

/** The issuing organisation's administrators, and the platform's. */
const isIssuerAdmin = (a: Actor, issuerOrgId: string) =>
  isPlatformAdmin(a) || hasRole(a, 'partner_admin', issuerOrgId);

export const policy = {
  revoke(a: Actor, issuerOrgId: string) {
    if (!isIssuerAdmin(a, issuerOrgId))
      throw forbidden('only the issuing organisation revokes a certificate');
  },
  listIssued(a: Actor, orgId: string) {
    if (!isIssuerAdmin(a, orgId)) throw forbidden("not an administrator of this organisation's certificates");
  },
  rotateKey(a: Actor, orgId: string) {
    if (!isIssuerAdmin(a, orgId)) throw forbidden("not an administrator of this organisation's keys");
  },
  /** The full credential and its PDF: the person it was issued to, or its issuer. */
  download(a: Actor, c: { holderUserId: string | null; issuerOrgId: string }) {
    if (c.holderUserId !== null && c.holderUserId === a.userId) return;
    if (isIssuerAdmin(a, c.issuerOrgId)) return;
    throw forbidden('neither the holder nor the issuer of this certificate');
  },
};

/**
 * Verifiable certificates: the API contract of server/modules/credentials. A certificate is an Open
 * Badges 3.0 credential signed as a VC-JWT; these schemas describe the JSON around it (summaries,
 * verification results, the wallet, revocation), not the credential itself, which follows the standard.
 */
import { type Static, Type } from 'typebox';
import { LocaleSchema, Paged, PageQuery, Uuid } from './common';

export const revocationReasons = [
  'issued_in_error',
  'superseded',
  'requirements_not_met',
  'holder_request',
  'other',
] as const;
export type RevocationReason = (typeof revocationReasons)[number];

export const credentialStatuses = ['active', 'revoked', 'expired'] as const;
export type CredentialStatus = (typeof credentialStatuses)[number];

/** The checks a verification runs, in order; every answer lists all of them. */
export const verificationChecks = ['format', 'issuer', 'signature', 'validity', 'status'] as const;
export type VerificationCheck = (typeof verificationChecks)[number];

export const walletSorts = ['-issuedAt', 'issuedAt', 'courseTitle', '-courseTitle'] as const;
export const issuedSorts = ['-issuedAt', 'issuedAt', 'learnerName', '-learnerName'] as const;

const DateTime = Type.String({ format: 'date-time' });
const NullableDateTime = Type.Union([DateTime, Type.Null()]);

export const CredentialParams = Type.Object({ id: Uuid });
export const IssuerParams = Type.Object({ orgId: Uuid });

/** Who issued a certificate: the organisation and where its Open Badges profile and keys live. */
export const CredentialIssuer = Type.Object({
  organisationId: Uuid,
  name: Type.String(),
  /** The issuer id inside the credential; resolves to the profile. */
  profileUrl: Type.String(),
});

/** What anyone holding the link may see: the learner's name and the course, nothing else about them. */
export const PublicCredential = Type.Object({
  id: Uuid,
  /** The stable URL that is the credential's id. */
  url: Type.String(),
  verifyUrl: Type.String(),
  status: Type.Enum(credentialStatuses),
  learnerName: Type.String(),
  courseTitle: Type.String(),
  issuer: CredentialIssuer,
  language: LocaleSchema,
  issuedAt: DateTime,
  validUntil: NullableDateTime,
  revokedAt: NullableDateTime,
  /** In the reader's language. */
  revocationReason: Type.Union([Type.String(), Type.Null()]),
  /** The VC-JWT: anyone can check it against the issuer's published keys. */
  jwt: Type.String(),
});
export type PublicCredentialT = Static<typeof PublicCredential>;

/**
 * One of: the VC-JWT; the credential as JSON (the decoded payload, or a VC 2.0
 * EnvelopedVerifiableCredential carrying the JWT in a data: URL); or the credential's id.
 */
export const VerifyBody = Type.Object({
  jwt: Type.Optional(Type.String({ minLength: 1, maxLength: 100_000 })),
  credential: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  id: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
});

export const VerificationCheckResult = Type.Object({
  check: Type.Enum(verificationChecks),
  ok: Type.Boolean(),
  /** In the reader's language. */
  message: Type.String(),
});

export const CredentialSummary = Type.Object({
  id: Type.Union([Uuid, Type.Null()]),
  learnerName: Type.Union([Type.String(), Type.Null()]),
  courseTitle: Type.Union([Type.String(), Type.Null()]),
  issuerName: Type.Union([Type.String(), Type.Null()]),
  issuedAt: Type.Union([Type.String(), Type.Null()]),
  validUntil: Type.Union([Type.String(), Type.Null()]),
});

export const VerifyResult = Type.Object({
  valid: Type.Boolean(),
  checks: Type.Array(VerificationCheckResult),
  /** What the credential says; only to be trusted when `valid` is true. Null when it could not be read. */
  credential: Type.Union([CredentialSummary, Type.Null()]),
});
export type VerifyResultT = Static<typeof VerifyResult>;

export const WalletItem = Type.Object({
  id: Uuid,
  url: Type.String(),
  verifyUrl: Type.String(),
  status: Type.Enum(credentialStatuses),
  courseId: Uuid,
  courseTitle: Type.String(),
  issuer: CredentialIssuer,
  language: LocaleSchema,
  issuedAt: DateTime,
  validUntil: NullableDateTime,
  revokedAt: NullableDateTime,
  revocationReason: Type.Union([Type.String(), Type.Null()]),
});
export const WalletQuery = Type.Object({
  sort: Type.Optional(Type.Enum(walletSorts)),
  ...PageQuery,
});
export const WalletList = Paged(WalletItem);

/** A certificate as its issuer's administrators see it in their list. */
export const IssuedCredential = Type.Object({
  ...WalletItem.properties,
  learnerName: Type.String(),
  personId: Uuid,
});
export const IssuedQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  status: Type.Optional(Type.Enum(credentialStatuses)),
  courseId: Type.Optional(Uuid),
  sort: Type.Optional(Type.Enum(issuedSorts)),
  ...PageQuery,
});
export const IssuedList = Paged(IssuedCredential);

export const RevokeBody = Type.Object({
  reason: Type.Enum(revocationReasons),
  /** For the audit log only; never shown publicly. */
  note: Type.Optional(Type.String({ maxLength: 1000 })),
});

export const CredentialDownload = Type.Object({
  id: Uuid,
  jwt: Type.String(),
  /** The decoded payload of the JWT: the Open Badges 3.0 credential. */
  credential: Type.Record(Type.String(), Type.Unknown()),
});

export const Jwk = Type.Object({
  kty: Type.Literal('OKP'),
  crv: Type.Literal('Ed25519'),
  x: Type.String(),
  kid: Type.String(),
  alg: Type.Literal('EdDSA'),
  use: Type.Literal('sig'),
});
export const Jwks = Type.Object({ keys: Type.Array(Jwk) });

/** The Open Badges 3.0 Profile the issuer id of a credential resolves to. */
export const IssuerProfile = Type.Object({
  '@context': Type.Array(Type.String()),
  id: Type.String(),
  type: Type.Array(Type.String()),
  name: Type.String(),
  url: Type.Optional(Type.String()),
  /** Where the issuer's public keys are. */
  jwks_uri: Type.String(),
});

export const RotatedKey = Type.Object({ kid: Type.String(), createdAt: DateTime });

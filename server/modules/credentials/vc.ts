/**
 * The credential itself: an Open Badges 3.0 `OpenBadgeCredential` (W3C VC Data Model 2.0) secured as a
 * VC-JWT (VC-JOSE-COSE: compact JWS, header {alg: EdDSA, kid, typ: vc+jwt}, payload = the credential),
 * and the issuer's revocation list (W3C Bitstring Status List). Pure functions over node:crypto and
 * node:zlib: no database, no HTTP, so they are tested and benched on their own.
 */
import { type KeyObject, sign, verify } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';

export const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const OB3_SCHEMA =
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';
export const JWT_TYPE = 'vc+jwt';
/** 16 KiB of bits: the minimum the Bitstring Status List asks for, so one index tells little about the list. */
export const STATUS_LIST_BITS = 131_072;

/** Where everything about a credential lives, from the app's public URL. */
export const credentialUrls = (appUrl: string) => {
  const base = appUrl.replace(/\/+$/, '');
  return {
    credential: (id: string) => `${base}/credentials/${id}`,
    verifyPage: (id: string) => `${base}/verify/${id}`,
    issuer: (orgId: string) => `${base}/api/credentials/issuers/${orgId}`,
    jwks: (orgId: string) => `${base}/api/credentials/issuers/${orgId}/jwks`,
    statusList: (orgId: string) => `${base}/api/credentials/status/${orgId}`,
    /** The inverse of `credential`: the id inside a credential URL of this platform, or null. */
    idOf(url: unknown): string | null {
      if (typeof url !== 'string' || !url.startsWith(`${base}/credentials/`)) return null;
      const id = url.slice(`${base}/credentials/`.length);
      return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? id : null;
    },
    orgOfIssuer(url: unknown): string | null {
      if (typeof url !== 'string' || !url.startsWith(`${base}/api/credentials/issuers/`)) return null;
      const id = url.slice(`${base}/api/credentials/issuers/`.length);
      return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? id : null;
    },
  };
};

export interface CredentialFacts {
  appUrl: string;
  credentialId: string;
  personId: string;
  /** As printed on the certificate; see docs/decisions/007-credentials.md for why it is in the credential. */
  learnerName: string;
  issuer: { id: string; name: string; website: string | null };
  course: {
    id: string;
    title: string;
    summary: string;
    language: string;
    skills: string[];
  };
  /** Names and criteria already in the course's teaching language. */
  credentialName: string;
  criteriaNarrative: string;
  issuedAt: Date;
  validUntil: Date | null;
  statusIndex: number;
}

export type OpenBadgeCredential = Record<string, unknown> & {
  '@context': string[];
  id: string;
  type: string[];
  issuer: { id: string; type: string[]; name: string; url?: string };
  validFrom: string;
  validUntil?: string;
  name: string;
  credentialSubject: {
    id: string;
    type: string[];
    name?: string;
    achievement: {
      id: string;
      type: string[];
      name: string;
      description: string;
      criteria: { narrative: string };
      achievementType: string;
      inLanguage?: string;
      tag?: string[];
    };
  };
  credentialStatus?: {
    id: string;
    type: string;
    statusPurpose: string;
    statusListIndex: string;
    statusListCredential: string;
  };
};

/** Seconds are enough for a certificate; whole seconds also read the same in every language's tooling. */
const isoSeconds = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;

export function buildCredential(f: CredentialFacts): OpenBadgeCredential {
  const urls = credentialUrls(f.appUrl);
  const issuer = {
    id: urls.issuer(f.issuer.id),
    type: ['Profile'],
    name: f.issuer.name,
    ...(f.issuer.website ? { url: f.issuer.website } : {}),
  };
  return {
    '@context': [VC_CONTEXT, OB3_CONTEXT],
    id: urls.credential(f.credentialId),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer,
    validFrom: isoSeconds(f.issuedAt),
    ...(f.validUntil ? { validUntil: isoSeconds(f.validUntil) } : {}),
    name: f.credentialName,
    credentialSubject: {
      id: `urn:uuid:${f.personId}`,
      type: ['AchievementSubject'],
      name: f.learnerName,
      achievement: {
        id: `urn:uuid:${f.course.id}`,
        type: ['Achievement'],
        name: f.course.title,
        description: f.course.summary || f.course.title,
        criteria: { narrative: f.criteriaNarrative },
        achievementType: 'Certificate',
        inLanguage: f.course.language,
        ...(f.course.skills.length > 0 ? { tag: f.course.skills } : {}),
      },
    },
    credentialStatus: {
      id: `${urls.statusList(f.issuer.id)}#${f.statusIndex}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(f.statusIndex),
      statusListCredential: urls.statusList(f.issuer.id),
    },
    credentialSchema: [{ id: OB3_SCHEMA, type: '1EdTechJsonSchemaValidator2019' }],
  };
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Compact JWS with EdDSA (Ed25519): `header.payload.signature`, each base64url. */
export function signJwt(payload: unknown, key: { kid: string; privateKey: KeyObject }): string {
  const signingInput = `${encode({ alg: 'EdDSA', kid: key.kid, typ: JWT_TYPE })}.${encode(payload)}`;
  // A JWS signing input is ASCII: latin1 encodes it byte for byte, several times faster than utf8.
  const signature = sign(null, Buffer.from(signingInput, 'latin1'), key.privateKey);
  return `${signingInput}.${signature.toString('base64url')}`;
}

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

export interface ParsedJwt {
  header: { alg?: unknown; kid?: unknown; typ?: unknown };
  payload: Record<string, unknown>;
  signingInput: Buffer;
  signature: Buffer;
}

/** Splits and decodes a compact JWS; null when it is not one (the caller reports a format failure). */
export function parseJwt(jwt: string): ParsedJwt | null {
  const token = jwt.trim();
  // Strictly base64url: the signing input is read as latin1 bytes, so a non-ASCII character must never
  // stand in for the byte it truncates to while base64 decoding skips it.
  if (!COMPACT_JWS.test(token)) return null;
  const [h, p, sig] = token.split('.') as [string, string, string];
  try {
    const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
    if (!isObject(header) || !isObject(payload)) return null;
    return {
      header,
      payload,
      signingInput: Buffer.from(token.slice(0, h.length + 1 + p.length), 'latin1'),
      signature: Buffer.from(sig, 'base64url'),
    };
  } catch {
    return null;
  }
}

export const verifySignature = (jwt: ParsedJwt, publicKey: KeyObject) =>
  jwt.signature.length === 64 && verify(null, jwt.signingInput, publicKey, jwt.signature);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const hasAll = (v: unknown, items: string[]) => Array.isArray(v) && items.every((i) => v.includes(i));
const nonEmpty = (v: unknown) => typeof v === 'string' && v.trim().length > 0;
const isDate = (v: unknown) => typeof v === 'string' && !Number.isNaN(Date.parse(v));

/**
 * What Open Badges 3.0 and VC 2.0 require of an OpenBadgeCredential, as paths of the members that
 * are missing or wrong; empty when the credential has every required member.
 */
export function credentialProblems(c: unknown): string[] {
  if (!isObject(c)) return ['/'];
  const problems: string[] = [];
  const ctx = c['@context'];
  if (
    !Array.isArray(ctx) ||
    ctx[0] !== VC_CONTEXT ||
    !ctx.some((x) => typeof x === 'string' && x.startsWith('https://purl.imsglobal.org/spec/ob/v3p0/context'))
  )
    problems.push('/@context');
  if (!nonEmpty(c.id)) problems.push('/id');
  if (!hasAll(c.type, ['VerifiableCredential', 'OpenBadgeCredential'])) problems.push('/type');
  const issuer = c.issuer;
  if (!isObject(issuer) || !nonEmpty(issuer.id) || !hasAll(issuer.type, ['Profile']))
    problems.push('/issuer');
  if (!isDate(c.validFrom)) problems.push('/validFrom');
  if (c.validUntil !== undefined && !isDate(c.validUntil)) problems.push('/validUntil');
  if (!nonEmpty(c.name)) problems.push('/name');
  const subject = c.credentialSubject;
  if (!isObject(subject) || !hasAll(subject.type, ['AchievementSubject'])) {
    problems.push('/credentialSubject');
    return problems;
  }
  const a = subject.achievement;
  if (!isObject(a)) {
    problems.push('/credentialSubject/achievement');
    return problems;
  }
  if (!nonEmpty(a.id)) problems.push('/credentialSubject/achievement/id');
  if (!hasAll(a.type, ['Achievement'])) problems.push('/credentialSubject/achievement/type');
  if (!nonEmpty(a.name)) problems.push('/credentialSubject/achievement/name');
  if (!nonEmpty(a.description)) problems.push('/credentialSubject/achievement/description');
  if (!isObject(a.criteria) || !nonEmpty(a.criteria.narrative))
    problems.push('/credentialSubject/achievement/criteria');
  return problems;
}

/** GZIP'd bitstring, multibase base64url (`u…`): index 0 is the most significant bit of the first byte. */
export function encodeStatusList(revokedIndexes: number[]): string {
  const highest = Math.max(-1, ...revokedIndexes);
  const bits = Math.max(STATUS_LIST_BITS, Math.ceil((highest + 1) / STATUS_LIST_BITS) * STATUS_LIST_BITS);
  const list = Buffer.alloc(bits / 8);
  for (const i of revokedIndexes) list[i >> 3]! |= 0x80 >> (i & 7);
  return `u${gzipSync(list).toString('base64url')}`;
}

export function statusBit(encodedList: string, index: number): boolean {
  if (!encodedList.startsWith('u')) throw new Error('status list is not multibase base64url');
  const list = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'));
  if (index >= list.length * 8) throw new Error('index beyond the status list');
  return (list[index >> 3]! & (0x80 >> (index & 7))) !== 0;
}

export function buildStatusListCredential(opts: {
  appUrl: string;
  orgId: string;
  revokedIndexes: number[];
  now: Date;
}) {
  const urls = credentialUrls(opts.appUrl);
  const id = urls.statusList(opts.orgId);
  return {
    '@context': [VC_CONTEXT],
    id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: urls.issuer(opts.orgId),
    validFrom: isoSeconds(opts.now),
    credentialSubject: {
      id: `${id}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList: encodeStatusList(opts.revokedIndexes),
    },
  };
}

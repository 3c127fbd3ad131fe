/**
 * The people registry as staff read it: the list of people and the person page. Knows nothing of HTTP.
 *
 * Reach (policy.ts): NIC staff see everyone and every partner's records; a partner admin sees only
 * the people its organisations know, and of them only its own enrolments and certificates. A person a
 * partner does not know is "not found", never "forbidden", so asking reveals nothing about who exists.
 *
 * Every page read is written to the audit log (`person.viewed`: who, which restricted fields were
 * shown) before the answer leaves, so no page is ever shown unrecorded; staff see the latest reads on
 * the page itself.
 */
import type { PersonSort, SensitiveField } from '../../../../common/domain';
import { tokensVi } from '../../../../common/text';
import type { Actor } from '../../../lib/actor';
import type { AppContext, RequestMeta } from '../../../lib/context';
import { notFound } from '../../../lib/errors';
import { insertAudit } from '../../audit/repo';
import { consentHistory } from '../../privacy/repo';
import { openNationalId } from '../personal';
import { type PeopleScope, policy } from './policy';
import * as repo from './repo';

/** At most this many words of a search are used: a name has a handful. */
const MAX_SEARCH_WORDS = 8;
/** Reads listed on the page. */
const RECENT_READS = 10;
/** Merges can chain (A into B, B into C); a longer chain than this is a bug, not a history. */
const MAX_MERGE_HOPS = 20;

const orgsOf = (scope: PeopleScope) => (scope.kind === 'all' ? undefined : scope.organisationIds);

export interface PeopleQuery {
  q?: string;
  organisationId?: string;
  provinceCode?: string;
  sort: PersonSort;
  page: number;
  pageSize: number;
}

export async function listPeople(ctx: AppContext, actor: Actor, query: PeopleQuery) {
  const scope = policy.readPeople(actor);
  policy.narrowTo(scope, query.organisationId);
  const orgs = orgsOf(scope);
  const { rows, total } = await repo.listPeople(ctx.db, {
    scope: orgs,
    words: tokensVi(query.q ?? '').slice(0, MAX_SEARCH_WORDS),
    organisationId: query.organisationId,
    provinceCode: query.provinceCode,
    sort: query.sort,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const organisations = new Map<string, { id: string; name: string }[]>();
  for (const o of await repo.organisationsOf(
    ctx.db,
    rows.map((r) => r.id),
    orgs,
  )) {
    const list = organisations.get(o.person_id) ?? [];
    list.push({ id: o.id, name: o.name });
    organisations.set(o.person_id, list);
  }
  return { rows, total, organisations };
}

/** "*********345": the national ID with every digit but the last three masked. */
export const maskNationalId = (id: string) => `${'*'.repeat(Math.max(0, id.length - 3))}${id.slice(-3)}`;

export type PersonPageResult =
  | { merged: true; id: string; mergedInto: string }
  | ({ merged: false } & Awaited<ReturnType<typeof gatherPage>>);

/**
 * A person page, or for a record merged into another, the survivor to read instead. Refused (404)
 * when a partner does not know the person.
 */
export async function readPerson(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  meta: RequestMeta,
): Promise<PersonPageResult> {
  const scope = policy.readPeople(actor);
  const orgs = orgsOf(scope);
  const person = await repo.findPerson(ctx.db, personId);
  if (!person) throw notFound('person');

  if (person.merged_into) {
    const survivor = await finalSurvivor(ctx, person.merged_into);
    // A partner learns where a record went only if it knows the person (its rows moved with the merge).
    if (
      orgs &&
      !(await repo.isKnownTo(ctx.db, survivor, orgs)) &&
      !(await repo.isKnownTo(ctx.db, personId, orgs))
    )
      throw notFound('person');
    return { merged: true, id: personId, mergedInto: survivor };
  }
  if (orgs && !(await repo.isKnownTo(ctx.db, personId, orgs))) throw notFound('person');
  return { merged: false, ...(await gatherPage(ctx, actor, scope, person, meta)) };
}

async function finalSurvivor(ctx: AppContext, first: string) {
  let id = first;
  for (let hop = 0; hop < MAX_MERGE_HOPS; hop++) {
    const next = await repo.findPerson(ctx.db, id);
    if (!next?.merged_into) return id;
    id = next.merged_into;
  }
  return id;
}

/** The CCCD in clear, or null when none is held or it cannot be opened (logged: a key or data problem). */
function openedNationalId(ctx: AppContext, person: repo.PersonRow): string | null {
  if (!person.national_id_enc) return null;
  try {
    return openNationalId(ctx.config, person.id, person.national_id_enc);
  } catch (e) {
    ctx.log.error(e, `national id of person ${person.id} could not be opened`);
    return null;
  }
}

async function gatherPage(
  ctx: AppContext,
  actor: Actor,
  scope: PeopleScope,
  person: repo.PersonRow,
  meta: RequestMeta,
) {
  const orgs = orgsOf(scope);
  const staff = policy.readAccessLog(actor);
  const [organisations, enrolments, credentials, events, consents, merges] = await Promise.all([
    repo.organisationsOf(ctx.db, [person.id], orgs),
    repo.enrolmentsOf(ctx.db, person.id, orgs),
    repo.credentialsOf(ctx.db, person.id, orgs),
    repo.eventsOf(ctx.db, person.id, orgs),
    consentHistory(ctx.db, person.id),
    staff ? repo.mergesOf(ctx.db, person.id) : Promise.resolve([]),
  ]);

  // The national ID is opened only for the roles that see its last digits; the rest never leaves here.
  const nationalIdAllowed = policy.readNationalId(actor);
  const opened = nationalIdAllowed ? openedNationalId(ctx, person) : null;
  const nationalId = opened === null ? null : maskNationalId(opened);
  const sensitive = policy.sensitiveFields(actor);
  const fieldsShown = [
    ...(nationalId !== null ? ['nationalId'] : []),
    ...sensitive.filter((f) => person[f] !== null),
  ];

  await insertAudit(ctx.db, {
    actorUserId: actor.userId,
    action: repo.READ_ACTION,
    entityType: 'person',
    entityId: person.id,
    organisationId: orgs?.length === 1 ? orgs[0] : null,
    details: { scope: scope.kind, ...(orgs ? { organisationIds: orgs } : {}), fieldsShown },
    ip: meta.ip,
  });
  const reads = staff ? await repo.recentReads(ctx.db, person.id, RECENT_READS) : undefined;

  return {
    person,
    scope: scope.kind,
    nationalId,
    nationalIdAllowed,
    sensitive: new Set<SensitiveField>(sensitive),
    organisations,
    enrolments,
    credentials,
    events,
    consents,
    merges,
    reads,
  };
}

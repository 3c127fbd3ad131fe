/** Who is making a request: the signed-in user and every role they hold, in which organisation. */
import type { Locale, OrganisationKind, Role } from '../db/schema';

export interface Grant {
  role: Role;
  organisationId: string | null;
  organisationKind: OrganisationKind | null;
}

export interface Actor {
  userId: string;
  email: string;
  displayName: string;
  locale: Locale;
  sessionId: string;
  grants: Grant[];
}

export const isPlatformAdmin = (a: Actor | null | undefined) =>
  !!a?.grants.some((g) => g.role === 'platform_admin');

/** Organisations in which the actor holds one of `roles`. */
export function organisationsWhere(a: Actor | null | undefined, ...roles: Role[]): string[] {
  if (!a) return [];
  return [
    ...new Set(
      a.grants.filter((g) => roles.includes(g.role) && g.organisationId).map((g) => g.organisationId!),
    ),
  ];
}

export const hasRole = (a: Actor | null | undefined, role: Role, organisationId?: string) =>
  !!a?.grants.some(
    (g) => g.role === role && (organisationId === undefined || g.organisationId === organisationId),
  );

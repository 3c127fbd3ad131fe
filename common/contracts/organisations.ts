/** Organisations, their members and role grants; platform administration of users; the audit log. */
import { type Static, Type } from 'typebox';
import { organisationSorts, userSorts } from '../domain';
import { LocaleSchema, Paged, PageQuery, Uuid } from './common';
import { OrganisationKindSchema, RoleGrant, RoleSchema } from './identity';

export { organisationSorts, userSorts } from '../domain';

export const Organisation = Type.Object({
  id: Uuid,
  slug: Type.String(),
  name: Type.String(),
  kind: OrganisationKindSchema,
  country: Type.String(),
  provinceCode: Type.Union([Type.String(), Type.Null()]),
  website: Type.Union([Type.String(), Type.Null()]),
  isDemo: Type.Boolean(),
  verified: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type OrganisationT = Static<typeof Organisation>;

export const OrganisationListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  kind: Type.Optional(OrganisationKindSchema),
  sort: Type.Optional(Type.Enum(organisationSorts)),
  ...PageQuery,
});
export const OrganisationList = Paged(Organisation);

const Slug = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', minLength: 2, maxLength: 60 });
export const CreateOrganisationBody = Type.Object({
  slug: Slug,
  name: Type.String({ minLength: 2, maxLength: 200 }),
  kind: OrganisationKindSchema,
  country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
  provinceCode: Type.Optional(Type.Union([Type.String({ pattern: '^[0-9]{2}$' }), Type.Null()])),
  website: Type.Optional(Type.Union([Type.String({ format: 'uri', maxLength: 300 }), Type.Null()])),
});
export const UpdateOrganisationBody = Type.Partial(
  Type.Object({
    name: Type.String({ minLength: 2, maxLength: 200 }),
    provinceCode: Type.Union([Type.String({ pattern: '^[0-9]{2}$' }), Type.Null()]),
    website: Type.Union([Type.String({ format: 'uri', maxLength: 300 }), Type.Null()]),
    verified: Type.Boolean(),
  }),
);
export const OrgParams = Type.Object({ orgId: Uuid });

export const Member = Type.Object({
  grantId: Uuid,
  userId: Uuid,
  email: Type.String(),
  displayName: Type.String(),
  role: RoleSchema,
  grantedAt: Type.String({ format: 'date-time' }),
});
export const MemberList = Paged(Member);
export const MemberListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  ...PageQuery,
});
export const AddMemberBody = Type.Object({ email: Type.String({ format: 'email' }), role: RoleSchema });
export const MemberParams = Type.Object({ orgId: Uuid, grantId: Uuid });

export const AdminUser = Type.Object({
  id: Uuid,
  email: Type.String(),
  displayName: Type.String(),
  locale: LocaleSchema,
  disabled: Type.Boolean(),
  locked: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  roles: Type.Array(RoleGrant),
});
export type AdminUserT = Static<typeof AdminUser>;
export const UserListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  role: Type.Optional(RoleSchema),
  sort: Type.Optional(Type.Enum(userSorts)),
  ...PageQuery,
});
export const UserList = Paged(AdminUser);
export const UserParams = Type.Object({ userId: Uuid });
export const UpdateUserBody = Type.Partial(
  Type.Object({
    displayName: Type.String({ minLength: 1, maxLength: 120 }),
    locale: LocaleSchema,
    disabled: Type.Boolean(),
    unlock: Type.Boolean(),
  }),
);
export const GrantBody = Type.Object({
  role: RoleSchema,
  organisationId: Type.Optional(Type.Union([Uuid, Type.Null()])),
});
export const GrantParams = Type.Object({ userId: Uuid, grantId: Uuid });

export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actorUserId: Type.Union([Uuid, Type.Null()]),
  actorEmail: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.Union([Type.String(), Type.Null()]),
  organisationId: Type.Union([Uuid, Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
});
export const AuditListQuery = Type.Object({
  entityType: Type.Optional(Type.String({ maxLength: 50 })),
  entityId: Type.Optional(Type.String({ maxLength: 100 })),
  actorUserId: Type.Optional(Uuid),
  ...PageQuery,
});
export const AuditList = Paged(AuditEntry);

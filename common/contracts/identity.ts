/** Accounts and sessions: the API contract of server/modules/identity. */
import { type Static, Type } from 'typebox';
import { organisationKinds, roles } from '../domain';
import { LocaleSchema, Uuid } from './common';

export { organisationKinds, PASSWORD_MIN, roles } from '../domain';

export const RoleSchema = Type.Enum(roles);

export const OrganisationKindSchema = Type.Enum(organisationKinds);

const Email = Type.String({ format: 'email', maxLength: 254 });
const Password = Type.String({ minLength: 1, maxLength: 200 });

export const RoleGrant = Type.Object({
  id: Uuid,
  role: RoleSchema,
  organisationId: Type.Union([Uuid, Type.Null()]),
  organisationName: Type.Union([Type.String(), Type.Null()]),
  organisationKind: Type.Union([OrganisationKindSchema, Type.Null()]),
});

export const Me = Type.Object({
  id: Uuid,
  email: Type.String(),
  displayName: Type.String(),
  locale: LocaleSchema,
  roles: Type.Array(RoleGrant),
});
export type MeT = Static<typeof Me>;

export const RegisterBody = Type.Object({
  email: Email,
  password: Password,
  displayName: Type.String({ minLength: 1, maxLength: 120 }),
  locale: Type.Optional(LocaleSchema),
});
export const LoginBody = Type.Object({ email: Email, password: Password });
export const ChangePasswordBody = Type.Object({ currentPassword: Password, newPassword: Password });
export const ForgotPasswordBody = Type.Object({ email: Email });
export const ResetPasswordBody = Type.Object({
  token: Type.String({ minLength: 20, maxLength: 200 }),
  newPassword: Password,
});
export const LocaleBody = Type.Object({ locale: LocaleSchema });

export const MeResponse = Type.Object({ user: Type.Union([Me, Type.Null()]) });
export const UserResponse = Type.Object({ user: Me });
export const Accepted = Type.Object({ ok: Type.Boolean() });

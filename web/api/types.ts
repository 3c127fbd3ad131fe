/**
 * The types of the API, derived from the TypeBox contracts in common/contracts. Only types are
 * imported, so no schema code reaches the browser bundle.
 */
import type { Static } from 'typebox';
import type * as geo from '../../common/contracts/geo';
import type * as identity from '../../common/contracts/identity';
import type * as orgs from '../../common/contracts/organisations';

export type Me = Static<typeof identity.Me>;
export type Role = Static<typeof identity.RoleSchema>;
export type OrganisationKind = Static<typeof identity.OrganisationKindSchema>;
export type RoleGrant = Static<typeof identity.RoleGrant>;
export type MeResponse = Static<typeof identity.MeResponse>;
export type UserResponse = Static<typeof identity.UserResponse>;
export type RegisterBody = Static<typeof identity.RegisterBody>;
export type LoginBody = Static<typeof identity.LoginBody>;
export type ChangePasswordBody = Static<typeof identity.ChangePasswordBody>;
export type ForgotPasswordBody = Static<typeof identity.ForgotPasswordBody>;
export type ResetPasswordBody = Static<typeof identity.ResetPasswordBody>;
export type Accepted = Static<typeof identity.Accepted>;

export type Organisation = Static<typeof orgs.Organisation>;
export type OrganisationList = Static<typeof orgs.OrganisationList>;
export type OrganisationSort = (typeof orgs.organisationSorts)[number];
export type OrganisationListQuery = Static<typeof orgs.OrganisationListQuery>;
export type CreateOrganisationBody = Static<typeof orgs.CreateOrganisationBody>;
export type UpdateOrganisationBody = Static<typeof orgs.UpdateOrganisationBody>;
export type Member = Static<typeof orgs.Member>;
export type MemberList = Static<typeof orgs.MemberList>;
export type MemberListQuery = Static<typeof orgs.MemberListQuery>;
export type AddMemberBody = Static<typeof orgs.AddMemberBody>;
export type AdminUser = Static<typeof orgs.AdminUser>;
export type UserList = Static<typeof orgs.UserList>;
export type UserSort = (typeof orgs.userSorts)[number];
export type UserListQuery = Static<typeof orgs.UserListQuery>;
export type UpdateUserBody = Static<typeof orgs.UpdateUserBody>;
export type GrantBody = Static<typeof orgs.GrantBody>;
export type AuditEntry = Static<typeof orgs.AuditEntry>;
export type AuditList = Static<typeof orgs.AuditList>;
export type AuditListQuery = Static<typeof orgs.AuditListQuery>;

export type Province = Static<typeof geo.Province>;
export type ProvinceList = Static<typeof geo.ProvinceList>;

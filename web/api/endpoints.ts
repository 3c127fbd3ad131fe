/** Every API call the web app makes, typed by the contracts. Pages call these through React Query. */
import type { Locale } from '../../common/i18n/locales';
import { request } from './client';
import type {
  Accepted,
  AddMemberBody,
  AdminUser,
  AuditList,
  AuditListQuery,
  ChangePasswordBody,
  CreateOrganisationBody,
  ForgotPasswordBody,
  GrantBody,
  LoginBody,
  Member,
  MemberList,
  MemberListQuery,
  MeResponse,
  Organisation,
  OrganisationList,
  OrganisationListQuery,
  ProvinceList,
  RegisterBody,
  ResetPasswordBody,
  UpdateOrganisationBody,
  UpdateUserBody,
  UserList,
  UserListQuery,
  UserResponse,
} from './types';

const id = (value: string) => encodeURIComponent(value);

export const authApi = {
  me: () => request<MeResponse>('GET', '/api/auth/me'),
  register: (body: RegisterBody) => request<UserResponse>('POST', '/api/auth/register', { body }),
  login: (body: LoginBody) => request<UserResponse>('POST', '/api/auth/login', { body }),
  logout: () => request<void>('POST', '/api/auth/logout'),
  changePassword: (body: ChangePasswordBody) => request<void>('POST', '/api/auth/password', { body }),
  forgotPassword: (body: ForgotPasswordBody) =>
    request<Accepted>('POST', '/api/auth/password/forgot', { body }),
  resetPassword: (body: ResetPasswordBody) => request<void>('POST', '/api/auth/password/reset', { body }),
  setLocale: (locale: Locale) => request<void>('PUT', '/api/auth/locale', { body: { locale } }),
};

export const organisationsApi = {
  list: (query: OrganisationListQuery) => request<OrganisationList>('GET', '/api/organisations', { query }),
  get: (orgId: string) => request<Organisation>('GET', `/api/organisations/${id(orgId)}`),
  create: (body: CreateOrganisationBody) => request<Organisation>('POST', '/api/organisations', { body }),
  update: (orgId: string, body: UpdateOrganisationBody) =>
    request<Organisation>('PATCH', `/api/organisations/${id(orgId)}`, { body }),
  members: (orgId: string, query: MemberListQuery) =>
    request<MemberList>('GET', `/api/organisations/${id(orgId)}/members`, { query }),
  addMember: (orgId: string, body: AddMemberBody) =>
    request<Member>('POST', `/api/organisations/${id(orgId)}/members`, { body }),
  removeMember: (orgId: string, grantId: string) =>
    request<void>('DELETE', `/api/organisations/${id(orgId)}/members/${id(grantId)}`),
};

export const adminApi = {
  users: (query: UserListQuery) => request<UserList>('GET', '/api/admin/users', { query }),
  user: (userId: string) => request<AdminUser>('GET', `/api/admin/users/${id(userId)}`),
  updateUser: (userId: string, body: UpdateUserBody) =>
    request<AdminUser>('PATCH', `/api/admin/users/${id(userId)}`, { body }),
  grant: (userId: string, body: GrantBody) =>
    request<AdminUser>('POST', `/api/admin/users/${id(userId)}/grants`, { body }),
  revoke: (userId: string, grantId: string) =>
    request<void>('DELETE', `/api/admin/users/${id(userId)}/grants/${id(grantId)}`),
  audit: (query: AuditListQuery) => request<AuditList>('GET', '/api/admin/audit', { query }),
};

export const geoApi = {
  provinces: () => request<ProvinceList>('GET', '/api/geo/provinces'),
};

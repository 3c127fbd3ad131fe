/**
 * The vocabularies the screens need come from common/domain.ts (plain values, no TypeBox runtime in
 * the browser); the server's contracts and policies use the same file.
 */
export {
  isOrganisationKind,
  isRole,
  organisationAdminRoles,
  organisationKinds,
  organisationSorts,
  PASSWORD_MIN,
  roleOrganisationKinds,
  roles,
  userSorts,
} from '../../common/domain';

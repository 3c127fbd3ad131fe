/** Every module's routes, in one list: adding a module is one line here. */
import type { ModuleRoutes } from '../lib/route';
import { catalogRoutes } from './catalog/routes';
import { credentialRoutes } from './credentials/routes';
import { enrolmentRoutes } from './enrolment/routes';
import { eventRoutes } from './events/routes';
import { fileRoutes } from './files/routes';
import { geoRoutes } from './geo/routes';
import { healthRoutes } from './health/routes';
import { identityRoutes } from './identity/routes';
import { impactRoutes } from './impact/routes';
import { notificationRoutes } from './notifications/routes';
import { organisationRoutes } from './organisations/routes';
import { privacyRoutes } from './privacy/routes';
import { programRoutes } from './programs/routes';
import { quizRoutes } from './quizzes/routes';
import { peopleRoutes } from './registry/people/routes';
import { reviewRoutes } from './registry/review/routes';
import { registryRoutes } from './registry/routes';
import { talentRoutes } from './talent/routes';

export const moduleRoutes: ModuleRoutes[] = [
  healthRoutes,
  identityRoutes,
  organisationRoutes,
  geoRoutes,
  programRoutes,
  credentialRoutes,
  quizRoutes,
  catalogRoutes,
  fileRoutes,
  enrolmentRoutes,
  notificationRoutes,
  privacyRoutes,
  registryRoutes,
  peopleRoutes,
  reviewRoutes,
  talentRoutes,
  eventRoutes,
  impactRoutes,
];

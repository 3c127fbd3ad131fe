/** Every module's routes, in one list: adding a module is one line here. */
import type { ModuleRoutes } from '../lib/route';
import { geoRoutes } from './geo/routes';
import { healthRoutes } from './health/routes';
import { identityRoutes } from './identity/routes';
import { organisationRoutes } from './organisations/routes';
import { programRoutes } from './programs/routes';

export const moduleRoutes: ModuleRoutes[] = [healthRoutes, identityRoutes, organisationRoutes, geoRoutes, programRoutes];

/** HTTP of the talent side: ESCO occupations and their skills (public reference data). */
import { ErrorBody } from '../../../common/contracts/common';
import {
  OccupationList,
  OccupationListQuery,
  OccupationParams,
  OccupationProfile,
} from '../../../common/contracts/talent';
import type { ModuleRoutes } from '../../lib/route';
import * as esco from './esco/service';

const tags = ['talent'];

export const talentRoutes: ModuleRoutes = (app, ctx) => {
  app.get(
    '/api/occupations',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'ESCO occupations by name (any accents or case) or ISCO group, with their skill counts',
        querystring: OccupationListQuery,
        response: { 200: OccupationList, 400: ErrorBody },
      },
    },
    async (req) => esco.listOccupations(ctx.db, req.query),
  );

  app.get(
    '/api/occupations/:id',
    {
      config: { public: true },
      schema: {
        tags,
        summary: "An ESCO occupation's profile: its essential and optional skills",
        params: OccupationParams,
        response: { 200: OccupationProfile, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (req) => esco.occupationProfile(ctx.db, req.params.id),
  );
};

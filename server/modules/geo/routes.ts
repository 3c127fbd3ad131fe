/** HTTP for the administrative map (/api/geo): public lists for place pickers and name resolution. */
import { ErrorBody } from '../../../common/contracts/common';
import {
  CommuneList,
  CommuneListQuery,
  ProvinceList,
  ProvinceParams,
  ResolveQuery,
  ResolveResult,
} from '../../../common/contracts/geo';
import type { ModuleRoutes } from '../../lib/route';
import * as geo from './service';

const tags = ['geo'];

export const geoRoutes: ModuleRoutes = (app, ctx) => {
  app.get(
    '/api/geo/provinces',
    {
      config: { public: true },
      schema: { tags, summary: 'The 34 provincial units, by code', response: { 200: ProvinceList } },
    },
    async () => ({ items: await geo.listProvinces(ctx.db) }),
  );

  app.get(
    '/api/geo/provinces/:code/communes',
    {
      config: { public: true },
      schema: {
        tags,
        summary: "A provincial unit's communes, wards and special zones; q searches without accents",
        params: ProvinceParams,
        querystring: CommuneListQuery,
        response: { 200: CommuneList, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (req) => geo.listCommunes(ctx.db, req.params.code, req.query),
  );

  app.get(
    '/api/geo/resolve',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'The provincial unit a typed name or code means, current or former (before 1 Jul 2025)',
        querystring: ResolveQuery,
        response: { 200: ResolveResult, 400: ErrorBody },
      },
    },
    async (req) => ({ match: await geo.resolveProvince(ctx.db, req.query.q) }),
  );
};

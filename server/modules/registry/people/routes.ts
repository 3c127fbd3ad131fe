/** HTTP of the people registry's staff views: the list of people and the person page. */
import { errorResponses } from '../../../../common/contracts/common';
import {
  PersonList,
  PersonListQuery,
  PersonPageResponse,
  PersonParams,
} from '../../../../common/contracts/people';
import { actorOf, requestMeta } from '../../../lib/http';
import type { ModuleRoutes } from '../../../lib/route';
import { presentPersonPage, presentPersonSummary } from './presenter';
import * as service from './service';

const tags = ['people'];

export const peopleRoutes: ModuleRoutes = (app, ctx) => {
  app.get(
    '/api/people',
    {
      schema: {
        tags,
        summary: 'People of the registry: NIC staff see everyone, a partner admin the people it knows',
        description:
          'Merged and anonymised records are left out. `q` matches the start of any word of the name, ' +
          'without regard to accents or word order.',
        querystring: PersonListQuery,
        response: { 200: PersonList, ...errorResponses },
      },
    },
    async (req, reply) => {
      const page = req.query.page ?? 1;
      const pageSize = req.query.pageSize ?? 20;
      const { rows, total, organisations } = await service.listPeople(ctx, actorOf(req), {
        q: req.query.q,
        organisationId: req.query.organisationId,
        provinceCode: req.query.provinceCode,
        sort: req.query.sort ?? 'name',
        page,
        pageSize,
      });
      reply.header('cache-control', 'no-store');
      return {
        items: rows.map((r) => presentPersonSummary(r, organisations.get(r.id) ?? [])),
        total,
        page,
        pageSize,
      };
    },
  );

  app.get(
    '/api/people/:id',
    {
      schema: {
        tags,
        summary: 'A person page: identity, enrolments, certificates, consent; every read is audit-logged',
        description:
          'A partner admin sees only the enrolments and certificates of its own organisations, and gets ' +
          '404 for a person it does not know. The national ID shows its last three digits only, to the ' +
          'roles of `nationalIdReaders`; sensitive fields (disability) only to their `sensitiveFieldReaders` ' +
          '(common/domain.ts); `hiddenFields` lists what this reader was not shown. A record merged into ' +
          'another answers `{merged: true, mergedInto}`. Events are listed as enrolments are: a partner ' +
          'sees only those its organisations organise.',
        params: PersonParams,
        response: { 200: PersonPageResponse, ...errorResponses },
      },
    },
    async (req, reply) => {
      const page = await service.readPerson(ctx, actorOf(req), req.params.id, requestMeta(req));
      reply.header('cache-control', 'no-store');
      return presentPersonPage(page, req.locale);
    },
  );
};

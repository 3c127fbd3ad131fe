/** Public HTTP for programs: the list and one program, in the reader's language. */
import { ErrorBody } from '../../../common/contracts/common';
import { Program, ProgramList, ProgramListQuery, ProgramParams } from '../../../common/contracts/programs';
import { notFound } from '../../lib/errors';
import type { ModuleRoutes } from '../../lib/route';
import { presentProgram } from './presenter';
import * as repo from './repo';

const tags = ['programs'];

export const programRoutes: ModuleRoutes = (app, ctx) => {
  app.get(
    '/api/programs',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Programs',
        querystring: ProgramListQuery,
        response: { 200: ProgramList, 400: ErrorBody },
      },
    },
    async (req) => {
      const page = req.query.page ?? 1;
      const pageSize = req.query.pageSize ?? 20;
      const { rows, total } = await repo.listPrograms(ctx.db, { ...req.query, page, pageSize });
      const orgs = await repo.organisationsOfPrograms(
        ctx.db,
        rows.map((r) => r.id),
      );
      return { items: rows.map((r) => presentProgram(r, orgs, req.locale)), total, page, pageSize };
    },
  );

  app.get(
    '/api/programs/:code',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'One program',
        params: ProgramParams,
        response: { 200: Program, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (req) => {
      const program = await repo.findProgramByCode(ctx.db, req.params.code);
      if (!program) throw notFound('program');
      return presentProgram(program, await repo.organisationsOfPrograms(ctx.db, [program.id]), req.locale);
    },
  );
};

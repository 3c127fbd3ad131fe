/**
 * HTTP of impact monitoring: the programs a viewer may see, a program's dashboard, the people behind
 * a number, exports (XLSX, CSV, PDF), targets, indicators as data, and manual results with their
 * approval.
 */
import { Type } from 'typebox';
import { ErrorBody, errorResponses } from '../../../common/contracts/common';
import {
  Dashboard,
  DashboardQuery,
  DrillList,
  DrillQuery,
  ExportQuery,
  ImpactProgramList,
  Indicator,
  IndicatorInput,
  IndicatorList,
  IndicatorParams,
  ManualDecisionInput,
  ManualResult,
  ManualResultInput,
  ManualResultList,
  ManualResultParams,
  ManualResultQuery,
  ProgramCodeParams,
  TargetInput,
  TargetSaved,
} from '../../../common/contracts/impact';
import { actorOf, requestMeta } from '../../lib/http';
import type { ModuleRoutes } from '../../lib/route';
import { dashboardCsv, dashboardPdf, dashboardXlsx } from './exports';
import * as manual from './manual';
import * as service from './service';

const tags = ['impact'];

export const impactRoutes: ModuleRoutes = (app, ctx) => {
  app.get(
    '/api/impact/programs',
    {
      schema: {
        tags,
        summary: 'The programs whose numbers the viewer may see',
        response: { 200: ImpactProgramList, ...errorResponses },
      },
    },
    async (req) => service.listPrograms(ctx, actorOf(req), req.locale),
  );

  app.get(
    '/api/impact/programs/:code/dashboard',
    {
      schema: {
        tags,
        summary:
          'A program’s dashboard: indicator cards actual vs target, breakdowns, trend by quarter (unique people)',
        params: ProgramCodeParams,
        querystring: DashboardQuery,
        response: { 200: Dashboard, ...errorResponses },
      },
    },
    async (req) => service.dashboard(ctx, actorOf(req), req.params.code, req.query, req.locale),
  );

  app.get(
    '/api/impact/programs/:code/indicators/:indicator/people',
    {
      schema: {
        tags,
        summary: 'The people behind one number (NIC staff; a partner its own people), audit-logged',
        params: IndicatorParams,
        querystring: DrillQuery,
        response: { 200: DrillList, ...errorResponses },
      },
    },
    async (req) =>
      service.drill(
        ctx,
        actorOf(req),
        req.params.code,
        req.params.indicator,
        req.query,
        req.locale,
        requestMeta(req),
      ),
  );

  app.put(
    '/api/impact/programs/:code/indicators/:indicator/target',
    {
      schema: {
        tags,
        summary:
          'Sets (or removes, with null) the target of an indicator for the program, a year or a quarter',
        params: IndicatorParams,
        body: TargetInput,
        response: { 200: TargetSaved, ...errorResponses },
      },
    },
    async (req) =>
      service.setTarget(
        ctx,
        actorOf(req),
        req.params.code,
        req.params.indicator,
        req.body,
        req.locale,
        requestMeta(req),
      ),
  );

  app.post(
    '/api/impact/programs/:code/indicators/:indicator',
    {
      schema: {
        tags,
        summary: 'Adds an indicator to the program’s dashboard (NIC staff)',
        params: IndicatorParams,
        response: { 200: Indicator, ...errorResponses },
      },
    },
    async (req) =>
      service.addProgramIndicator(
        ctx,
        actorOf(req),
        req.params.code,
        req.params.indicator,
        req.locale,
        requestMeta(req),
      ),
  );

  app.get(
    '/api/impact/programs/:code/export',
    {
      schema: {
        tags,
        summary: 'The dashboard as XLSX (a sheet per indicator), CSV (UTF-8 with BOM) or a printable PDF',
        params: ProgramCodeParams,
        querystring: ExportQuery,
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const { format, ...query } = req.query;
      const d = await service.dashboard(ctx, actorOf(req), req.params.code, query, req.locale);
      const file =
        format === 'csv'
          ? dashboardCsv(d, req.locale)
          : format === 'xlsx'
            ? await dashboardXlsx(d, req.locale)
            : await dashboardPdf(d, req.locale);
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );

  app.get(
    '/api/impact/indicators',
    {
      schema: {
        tags,
        summary: 'Every indicator with its rule (NIC staff)',
        response: { 200: IndicatorList, ...errorResponses },
      },
    },
    async (req) => service.listIndicators(ctx, actorOf(req), req.locale),
  );

  app.post(
    '/api/impact/indicators',
    {
      schema: {
        tags,
        summary: 'Adds an indicator built from the same blocks as the shipped ones (NIC staff)',
        body: IndicatorInput,
        response: { 200: Indicator, 409: ErrorBody, ...errorResponses },
      },
    },
    async (req) => service.createIndicator(ctx, actorOf(req), req.body, req.locale, requestMeta(req)),
  );

  app.get(
    '/api/impact/programs/:code/manual-results',
    {
      schema: {
        tags,
        summary:
          'A program’s manual results, newest first (NIC staff: all; a partner: its own; a donor: the approved ones, without evidence)',
        params: ProgramCodeParams,
        querystring: ManualResultQuery,
        response: { 200: ManualResultList, ...errorResponses },
      },
    },
    async (req) => manual.listManualResults(ctx, actorOf(req), req.params.code, req.query, req.locale),
  );

  app.post(
    '/api/impact/programs/:code/manual-results',
    {
      schema: {
        tags,
        summary:
          'Reports a manual result for a count indicator, with a note and evidence files (a partner’s administrator or NIC staff), to be approved; audit-logged',
        params: ProgramCodeParams,
        body: ManualResultInput,
        response: { 201: ManualResult, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await manual.submitManualResult(
            ctx,
            actorOf(req),
            req.params.code,
            req.body,
            req.locale,
            requestMeta(req),
          ),
        ),
  );

  app.post(
    '/api/impact/manual-results/:id/decision',
    {
      schema: {
        tags,
        summary: 'Approves or returns (with a note) a submitted manual result (NIC staff); audit-logged',
        params: ManualResultParams,
        body: ManualDecisionInput,
        response: { 200: ManualResult, 409: ErrorBody, ...errorResponses },
      },
    },
    async (req) =>
      manual.decideManualResult(ctx, actorOf(req), req.params.id, req.body, req.locale, requestMeta(req)),
  );

  app.put(
    '/api/impact/manual-results/:id',
    {
      schema: {
        tags,
        summary: 'Corrects a returned manual result and submits it again (its reporter); audit-logged',
        params: ManualResultParams,
        body: ManualResultInput,
        response: { 200: ManualResult, 409: ErrorBody, ...errorResponses },
      },
    },
    async (req) =>
      manual.resubmitManualResult(ctx, actorOf(req), req.params.id, req.body, req.locale, requestMeta(req)),
  );
};

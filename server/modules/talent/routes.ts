/**
 * HTTP of the talent side: ESCO occupations and the 4IR skills taxonomy (public reference data), the
 * jobs board (public to read, verified employers post), learner profiles, matching both ways, and
 * applications with their pipeline.
 */
import { ErrorBody, errorResponses } from '../../../common/contracts/common';
import {
  ApplicationParams,
  ApplyBody,
  CandidateList,
  CandidateQuery,
  JobApplication,
  JobApplications,
  JobDetail,
  JobInput,
  JobList,
  JobListQuery,
  JobMatches,
  JobMatchQuery,
  JobParams,
  JobUpdate,
  LabourMarket,
  MoveApplicationBody,
  MyApplication,
  MyApplications,
  MyJobFit,
  OccupationList,
  OccupationListQuery,
  OccupationParams,
  OccupationProfile,
  PathwayDetail,
  PathwayList,
  PathwayParams,
  SearchQuery,
  SearchResult,
  SkillDetail,
  SkillList,
  SkillListQuery,
  SkillParams,
  TalentProfile,
  TalentProfileInput,
} from '../../../common/contracts/talent';
import { actorOf, requestMeta } from '../../lib/http';
import type { ModuleRoutes } from '../../lib/route';
import * as applications from './applications/service';
import * as esco from './esco/service';
import * as jobs from './jobs/service';
import * as market from './market/service';
import * as pathways from './pathways/service';
import * as profiles from './profiles/service';
import * as search from './search/service';
import * as taxonomy from './taxonomy/service';

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

  app.get(
    '/api/skills',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'The 4IR skills taxonomy: search in vi/en/ja, any accents, a typo forgiven',
        querystring: SkillListQuery,
        response: { 200: SkillList, 400: ErrorBody },
      },
    },
    async (req) => taxonomy.listSkills(ctx.db, req.query, req.locale),
  );

  app.get(
    '/api/skills/:id',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'A skill: definition, related skills, ESCO concept, the courses that teach it',
        params: SkillParams,
        response: { 200: SkillDetail, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (req) => taxonomy.skillDetail(ctx.db, req.params.id, req.locale),
  );

  app.get(
    '/api/search',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'One search over courses, open jobs, skills and occupations: any accents, highlighted',
        querystring: SearchQuery,
        response: { 200: SearchResult, 400: ErrorBody },
      },
    },
    async (req) => search.search(ctx, req.query, req.locale),
  );

  app.get(
    '/api/pathways',
    {
      config: { public: true },
      schema: { tags, summary: 'Starter career pathways', response: { 200: PathwayList } },
    },
    async (req) => pathways.listPathways(ctx, req.locale),
  );
  app.get(
    '/api/pathways/:slug',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          "A pathway: the occupation's skills, what I have (signed in), the gap and the courses that close it",
        params: PathwayParams,
        response: { 200: PathwayDetail, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (req) => pathways.pathwayDetail(ctx, req.actor ?? null, req.params.slug, req.locale),
  );

  app.get(
    '/api/labour-market',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          'Open jobs and demand by skill and place, the supply of verified skills, and the semiconductor goal against the people trained so far (anonymous counts)',
        response: { 200: LabourMarket },
      },
    },
    async (req) => market.labourMarket(ctx, req.locale),
  );

  // ── Profiles ──
  app.get(
    '/api/me/talent-profile',
    {
      schema: {
        tags,
        summary: 'My talent profile (created empty on first visit)',
        response: { 200: TalentProfile, ...errorResponses },
      },
    },
    async (req) => profiles.myProfile(ctx, actorOf(req), req.locale),
  );
  app.put(
    '/api/me/talent-profile',
    {
      schema: {
        tags,
        summary: 'Save my talent profile (declared skills; verified ones come from certificates)',
        body: TalentProfileInput,
        response: { 200: TalentProfile, ...errorResponses, 422: ErrorBody },
      },
    },
    async (req) => profiles.saveMyProfile(ctx, actorOf(req), req.body, req.locale, requestMeta(req).ip),
  );

  // ── Jobs ──
  app.get(
    '/api/jobs',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Open jobs: search and filters; an employer also lists its closed ones',
        querystring: JobListQuery,
        response: { 200: JobList, 400: ErrorBody },
      },
    },
    async (req) => jobs.listJobs(ctx, req.actor ?? null, req.query, req.locale),
  );
  app.get(
    '/api/jobs/:id',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'A job posting',
        params: JobParams,
        response: { 200: JobDetail, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (req) => jobs.getJob(ctx, req.params.id, req.actor ?? null, req.locale),
  );
  app.post(
    '/api/jobs',
    {
      schema: {
        tags,
        summary: 'Post a job (staff of a verified employer)',
        body: JobInput,
        response: { 201: JobDetail, ...errorResponses, 422: ErrorBody },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await jobs.createJob(ctx, actorOf(req), req.body, req.locale, requestMeta(req).ip)),
  );
  app.patch(
    '/api/jobs/:id',
    {
      schema: {
        tags,
        summary: 'Close a job before its date',
        params: JobParams,
        body: JobUpdate,
        response: { 200: JobDetail, ...errorResponses },
      },
    },
    async (req) => jobs.closeJob(ctx, actorOf(req), req.params.id, req.locale, requestMeta(req).ip),
  );

  // ── Matching ──
  app.get(
    '/api/me/job-matches',
    {
      schema: {
        tags,
        summary: 'Open jobs ranked for me, with the reason',
        querystring: JobMatchQuery,
        response: { 200: JobMatches, ...errorResponses },
      },
    },
    async (req) => jobs.jobMatchesForMe(ctx, actorOf(req), req.query.limit ?? 20, req.locale),
  );
  app.get(
    '/api/jobs/:id/fit',
    {
      schema: {
        tags,
        summary: 'How I fit a job, the courses that close my gap, my application',
        params: JobParams,
        response: { 200: MyJobFit, ...errorResponses },
      },
    },
    async (req) => jobs.myFit(ctx, actorOf(req), req.params.id, req.locale),
  );
  app.get(
    '/api/jobs/:id/candidates',
    {
      schema: {
        tags,
        summary: "Consenting candidates ranked for a job (the employer's staff)",
        params: JobParams,
        querystring: CandidateQuery,
        response: { 200: CandidateList, ...errorResponses },
      },
    },
    async (req) => jobs.candidatesFor(ctx, actorOf(req), req.params.id, req.query.limit ?? 50, req.locale),
  );

  // ── Applications ──
  app.post(
    '/api/jobs/:id/applications',
    {
      schema: {
        tags,
        summary: 'Apply for a job',
        params: JobParams,
        body: ApplyBody,
        response: { 201: MyApplication, ...errorResponses, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await applications.apply(
            ctx,
            actorOf(req),
            req.params.id,
            req.body.note ?? '',
            req.locale,
            requestMeta(req).ip,
          ),
        ),
  );
  app.get(
    '/api/me/applications',
    {
      schema: {
        tags,
        summary: 'My applications and their steps',
        response: { 200: MyApplications, ...errorResponses },
      },
    },
    async (req) => applications.myApplications(ctx, actorOf(req), req.locale),
  );
  app.post(
    '/api/me/applications/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw my application',
        params: ApplicationParams,
        response: { 200: MyApplication, ...errorResponses, 409: ErrorBody },
      },
    },
    async (req) => applications.withdraw(ctx, actorOf(req), req.params.id, req.locale, requestMeta(req).ip),
  );
  app.get(
    '/api/jobs/:id/applications',
    {
      schema: {
        tags,
        summary: "A job's applications (the employer's staff)",
        params: JobParams,
        response: { 200: JobApplications, ...errorResponses },
      },
    },
    async (req) => applications.jobApplications(ctx, actorOf(req), req.params.id, req.locale),
  );
  app.patch(
    '/api/applications/:id',
    {
      schema: {
        tags,
        summary: 'Move an application along its pipeline (the employer’s staff)',
        params: ApplicationParams,
        body: MoveApplicationBody,
        response: { 200: JobApplication, ...errorResponses, 409: ErrorBody },
      },
    },
    async (req) =>
      applications.move(
        ctx,
        actorOf(req),
        req.params.id,
        req.body.status,
        req.body.note ?? '',
        req.locale,
        requestMeta(req).ip,
      ),
  );
};

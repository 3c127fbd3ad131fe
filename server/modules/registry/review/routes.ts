/** HTTP of the review queue of likely duplicates: list, read, decide (not a duplicate / merge), undo. */
import { ErrorBody, errorResponses } from '../../../../common/contracts/common';
import {
  DecideBody,
  DuplicatePair,
  DuplicatePairList,
  MergeParams,
  PairListQuery,
  PairParams,
  PersonMerge,
} from '../../../../common/contracts/review';
import { actorOf, requestMeta } from '../../../lib/http';
import type { ModuleRoutes } from '../../../lib/route';
import * as service from './service';

const tags = ['registry'];
const refusals = { ...errorResponses, 409: ErrorBody, 422: ErrorBody };

export const reviewRoutes: ModuleRoutes = async (app, ctx) => {
  app.get(
    '/api/registry/duplicate-pairs',
    {
      schema: {
        tags,
        summary: 'The review queue: pairs of records that may be one person, both records side by side',
        description:
          'NIC staff only. Open pairs by default, likeliest first; open pairs whose record was merged away or erased since are left out.',
        querystring: PairListQuery,
        response: { 200: DuplicatePairList, ...errorResponses },
      },
    },
    async (req) =>
      service.listPairs(
        ctx,
        actorOf(req),
        {
          status: req.query.status ?? 'open',
          sort: req.query.sort ?? '-score',
          page: req.query.page ?? 1,
          pageSize: req.query.pageSize ?? 20,
        },
        req.locale,
      ),
  );

  app.get(
    '/api/registry/duplicate-pairs/:id',
    {
      schema: {
        tags,
        summary: 'One pair, both records side by side, with its standing merge',
        params: PairParams,
        response: { 200: DuplicatePair, ...errorResponses },
      },
    },
    async (req) => service.getPair(ctx, actorOf(req), req.params.id, req.locale),
  );

  app.post(
    '/api/registry/duplicate-pairs/:id/decision',
    {
      schema: {
        tags,
        summary: 'Decide an open pair: not a duplicate, or merge into the chosen survivor',
        description:
          'A merge moves every enrolment, certificate and consent of the other record to the survivor, in one transaction, audited and reversible. Refused (422 MERGE_TWO_ACCOUNTS) when both records have an account.',
        params: PairParams,
        body: DecideBody,
        response: { 200: DuplicatePair, ...refusals },
      },
    },
    async (req) => service.decide(ctx, actorOf(req), req.params.id, req.body, requestMeta(req), req.locale),
  );

  app.post(
    '/api/registry/duplicate-pairs/:id/undo',
    {
      schema: {
        tags,
        summary: 'Undo the merge standing on a pair: every row back as it was, the pair open again',
        params: PairParams,
        response: { 200: PersonMerge, ...refusals },
      },
    },
    async (req) => service.undoPairMerge(ctx, actorOf(req), req.params.id, requestMeta(req)),
  );

  app.post(
    '/api/registry/person-merges/:id/undo',
    {
      schema: {
        tags,
        summary: 'Undo a merge by its id',
        description:
          'Refused (409 MERGE_UNDO_BLOCKED) while a later merge involves one of the two people, and when one was erased since.',
        params: MergeParams,
        response: { 200: PersonMerge, ...refusals },
      },
    },
    async (req) => service.undoPersonMerge(ctx, actorOf(req), req.params.id, requestMeta(req)),
  );
};

/** Queries of the employer pages: the organisation (its verification) and its jobs, open and closed. */
import { queryOptions } from '@tanstack/react-query';
import { jobsApi, organisationsApi } from '../../api/endpoints';

/** The same key as the organisation page, so a verification seen there is seen here. */
export const organisationQuery = (orgId: string) =>
  queryOptions({ queryKey: ['organisations', 'one', orgId], queryFn: () => organisationsApi.get(orgId) });

export const employerJobsQuery = (orgId: string) =>
  queryOptions({
    queryKey: ['jobs', 'employer', orgId],
    queryFn: () => jobsApi.list({ employer: orgId, status: 'all', sort: '-createdAt', pageSize: 100 }),
  });

/**
 * Queries of the jobs side. Keys start with the resource, never with `me`: logging in drops every
 * cached query except `['me']`, so nothing of one account survives for the next.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { applicationsApi, jobsApi, profileApi } from '../../api/endpoints';
import type { JobListQuery } from '../../api/types';

export const jobListQuery = (query: JobListQuery) =>
  queryOptions({
    queryKey: ['jobs', 'list', query],
    queryFn: () => jobsApi.list(query),
    placeholderData: keepPreviousData,
  });

export const jobQuery = (jobId: string) =>
  queryOptions({ queryKey: ['jobs', 'one', jobId], queryFn: () => jobsApi.get(jobId) });

export const jobFitQuery = (jobId: string) =>
  queryOptions({ queryKey: ['job-fit', jobId], queryFn: () => jobsApi.fit(jobId) });

export const jobMatchesQuery = queryOptions({
  queryKey: ['job-matches'],
  queryFn: () => jobsApi.matches(20),
});

export const myApplicationsQuery = queryOptions({
  queryKey: ['my-applications'],
  queryFn: applicationsApi.mine,
});

export const talentProfileQuery = queryOptions({ queryKey: ['talent-profile'], queryFn: profileApi.get });

export const candidatesQuery = (jobId: string) =>
  queryOptions({ queryKey: ['job-candidates', jobId], queryFn: () => jobsApi.candidates(jobId, 50) });

export const jobApplicationsQuery = (jobId: string) =>
  queryOptions({ queryKey: ['job-applications', jobId], queryFn: () => jobsApi.applications(jobId) });

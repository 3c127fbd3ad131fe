/** Queries of the teaching pages. Keys start with `teach` or the resource, so edits can refresh them. */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { catalogApi, cohortsApi, quizzesApi } from '../../api/endpoints';

export const orgCoursesQuery = (orgId: string, page: number) =>
  queryOptions({
    queryKey: ['teach', 'courses', orgId, page],
    queryFn: () => catalogApi.organisationCourses(orgId, { page, pageSize: 20, sort: '-updatedAt' }),
    placeholderData: keepPreviousData,
  });

export const myCohortsQuery = (page: number) =>
  queryOptions({
    queryKey: ['teach', 'cohorts', page],
    queryFn: () => cohortsApi.list({ page, pageSize: 20, sort: '-startsOn' }),
    placeholderData: keepPreviousData,
  });

export const cohortQuery = (id: string) =>
  queryOptions({ queryKey: ['cohort', id], queryFn: () => cohortsApi.get(id) });

export const courseQuizzesQuery = (courseId: string) =>
  queryOptions({ queryKey: ['teach', 'quizzes', courseId], queryFn: () => quizzesApi.list(courseId) });

/**
 * Queries of the learning side shared by several pages. Keys start with the resource, never with `me`:
 * logging in drops every cached query except `['me']`, so nothing of one account survives for the next.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { catalogApi, learningApi, programsApi } from '../../api/endpoints';
import type { CourseListQuery, MyLearning } from '../../api/types';

export const catalogQuery = (query: CourseListQuery) =>
  queryOptions({
    queryKey: ['catalog', query],
    queryFn: () => catalogApi.list(query),
    placeholderData: keepPreviousData,
  });

/** One course by slug or id: the public page, the lesson player and the editor share it. */
export const courseQuery = (slugOrId: string) =>
  queryOptions({ queryKey: ['course', slugOrId], queryFn: () => catalogApi.get(slugOrId) });

export const courseCohortsQuery = (slug: string) =>
  queryOptions({ queryKey: ['course-cohorts', slug], queryFn: () => catalogApi.cohorts(slug) });

export const myLearningQuery = queryOptions({ queryKey: ['my-learning'], queryFn: learningApi.mine });

export const programsQuery = queryOptions({
  queryKey: ['programs'],
  queryFn: programsApi.list,
  staleTime: 10 * 60_000,
});

/** The learner's class in a course, if any: the one in progress first, else the completed one. */
export function enrolmentIn(learning: MyLearning | undefined, courseId: string) {
  const current = learning?.current.find((e) => e.course.id === courseId);
  if (current) return { enrolmentId: current.enrolmentId, status: current.status, current };
  const done = learning?.completed.find((e) => e.course.id === courseId);
  if (done) return { enrolmentId: done.enrolmentId, status: 'completed' as const, completed: done };
  return null;
}

/** Queries of the lesson player and the quizzes. */
import { queryOptions } from '@tanstack/react-query';
import { catalogApi, quizzesApi } from '../../api/endpoints';
import type { CourseDetail, LessonOutline, ModuleOutline } from '../../api/types';

export const lessonQuery = (courseId: string, lessonId: string) =>
  queryOptions({
    queryKey: ['lesson', courseId, lessonId],
    queryFn: () => catalogApi.lesson(courseId, lessonId),
  });

export const learnerQuizQuery = (quizId: string) =>
  queryOptions({ queryKey: ['quiz', quizId, 'learner'], queryFn: () => quizzesApi.forLearner(quizId) });

export const reviewQuery = (attemptId: string) =>
  queryOptions({
    queryKey: ['attempt', attemptId, 'review'],
    queryFn: () => quizzesApi.review(attemptId),
    staleTime: Number.POSITIVE_INFINITY,
  });

export interface PlacedLesson {
  lesson: LessonOutline;
  module: ModuleOutline;
  moduleIndex: number;
  /** 0-based position in the whole course. */
  index: number;
}

/** The course's lessons in reading order, each with its module. */
export function lessonsInOrder(course: CourseDetail): PlacedLesson[] {
  const out: PlacedLesson[] = [];
  course.modules.forEach((module, moduleIndex) => {
    for (const lesson of module.lessons) out.push({ lesson, module, moduleIndex, index: out.length });
  });
  return out;
}

export const learnPath = (courseSlug: string, lessonId: string) => `/learn/${courseSlug}/${lessonId}`;

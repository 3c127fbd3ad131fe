/** Every API call the web app makes, typed by the contracts. Pages call these through React Query. */
import type { Locale } from '../../common/i18n/locales';
import { request, requestLines, type UploadOptions, upload, uploadWithProgress, withQuery } from './client';
import type {
  Accepted,
  AddMemberBody,
  AdminEnrolBody,
  AdminUser,
  AnswerInput,
  ApplyBody,
  Attempt,
  AttemptReview,
  AttendanceBody,
  AuditList,
  AuditListQuery,
  AuthoringCourseList,
  AuthoringListQuery,
  CandidateList,
  ChangePasswordBody,
  Cohort,
  CohortList,
  CohortListQuery,
  CohortSession,
  CommitProgress,
  ConsentOverview,
  ConsentPurpose,
  CourseDetail,
  CourseList,
  CourseListQuery,
  CreateCourseBody,
  CreateLessonBody,
  CreateOrganisationBody,
  CreateQuizBody,
  CreateSessionBody,
  Enrolment,
  EnrolmentList,
  EraseBody,
  ForgotPasswordBody,
  Gradebook,
  GradebookQuery,
  GrantBody,
  ImportQuestionsBody,
  ImportReport,
  IssuedList,
  IssuedQuery,
  JobApplication,
  JobApplications,
  JobDetail,
  JobInput,
  JobList,
  JobListQuery,
  JobMatches,
  LabourMarket,
  LearnerQuiz,
  Lesson,
  LessonProgress,
  LoginBody,
  Member,
  MemberList,
  MemberListQuery,
  MeResponse,
  ModuleOutline,
  MoveApplicationBody,
  MyApplication,
  MyApplications,
  MyJobFit,
  MyLearning,
  Notification,
  NotificationList,
  NotificationListQuery,
  OccupationList,
  OccupationListQuery,
  OccupationProfile,
  Organisation,
  OrganisationList,
  OrganisationListQuery,
  Outline,
  OutlineBody,
  PathwayDetail,
  PathwayList,
  PersonList,
  PersonListQuery,
  PersonPageResponse,
  ProgramList,
  ProvinceList,
  PublicCohortList,
  PublicCredential,
  QuestionList,
  QuestionListQuery,
  Quiz,
  QuizList,
  RecordConsentBody,
  RegisterBody,
  ResetPasswordBody,
  RevokeBody,
  RosterCommitBody,
  RosterFileFormat,
  RosterImport,
  RosterImportDetail,
  RosterImportList,
  RosterImportListQuery,
  RosterQuery,
  SearchQuery,
  SearchResult,
  SessionAttendance,
  SessionList,
  SkillDetail,
  SkillList,
  SkillListQuery,
  StoredFile,
  TalentProfile,
  TalentProfileInput,
  TransferBody,
  UpdateCourseBody,
  UpdateLessonBody,
  UpdateOrganisationBody,
  UpdateUserBody,
  UserList,
  UserListQuery,
  UserResponse,
  VerifyBody,
  VerifyResult,
  WalletList,
  WalletQuery,
} from './types';

const id = (value: string) => encodeURIComponent(value);

export const authApi = {
  me: () => request<MeResponse>('GET', '/api/auth/me'),
  register: (body: RegisterBody) => request<UserResponse>('POST', '/api/auth/register', { body }),
  login: (body: LoginBody) => request<UserResponse>('POST', '/api/auth/login', { body }),
  logout: () => request<void>('POST', '/api/auth/logout'),
  changePassword: (body: ChangePasswordBody) => request<void>('POST', '/api/auth/password', { body }),
  forgotPassword: (body: ForgotPasswordBody) =>
    request<Accepted>('POST', '/api/auth/password/forgot', { body }),
  resetPassword: (body: ResetPasswordBody) => request<void>('POST', '/api/auth/password/reset', { body }),
  setLocale: (locale: Locale) => request<void>('PUT', '/api/auth/locale', { body: { locale } }),
};

export const organisationsApi = {
  list: (query: OrganisationListQuery) => request<OrganisationList>('GET', '/api/organisations', { query }),
  get: (orgId: string) => request<Organisation>('GET', `/api/organisations/${id(orgId)}`),
  create: (body: CreateOrganisationBody) => request<Organisation>('POST', '/api/organisations', { body }),
  update: (orgId: string, body: UpdateOrganisationBody) =>
    request<Organisation>('PATCH', `/api/organisations/${id(orgId)}`, { body }),
  members: (orgId: string, query: MemberListQuery) =>
    request<MemberList>('GET', `/api/organisations/${id(orgId)}/members`, { query }),
  addMember: (orgId: string, body: AddMemberBody) =>
    request<Member>('POST', `/api/organisations/${id(orgId)}/members`, { body }),
  removeMember: (orgId: string, grantId: string) =>
    request<void>('DELETE', `/api/organisations/${id(orgId)}/members/${id(grantId)}`),
};

export const adminApi = {
  users: (query: UserListQuery) => request<UserList>('GET', '/api/admin/users', { query }),
  user: (userId: string) => request<AdminUser>('GET', `/api/admin/users/${id(userId)}`),
  updateUser: (userId: string, body: UpdateUserBody) =>
    request<AdminUser>('PATCH', `/api/admin/users/${id(userId)}`, { body }),
  grant: (userId: string, body: GrantBody) =>
    request<AdminUser>('POST', `/api/admin/users/${id(userId)}/grants`, { body }),
  revoke: (userId: string, grantId: string) =>
    request<void>('DELETE', `/api/admin/users/${id(userId)}/grants/${id(grantId)}`),
  audit: (query: AuditListQuery) => request<AuditList>('GET', '/api/admin/audit', { query }),
};

export const geoApi = {
  provinces: () => request<ProvinceList>('GET', '/api/geo/provinces'),
};

export const programsApi = {
  list: () => request<ProgramList>('GET', '/api/programs', { query: { pageSize: 100 } }),
};

/** The catalog (public) and course authoring. `slugOrId`: the API takes either. */
export const catalogApi = {
  list: (query: CourseListQuery) => request<CourseList>('GET', '/api/courses', { query }),
  get: (slugOrId: string) => request<CourseDetail>('GET', `/api/courses/${id(slugOrId)}`),
  cohorts: (slug: string) => request<PublicCohortList>('GET', `/api/courses/${id(slug)}/cohorts`),
  create: (body: CreateCourseBody) => request<CourseDetail>('POST', '/api/courses', { body }),
  update: (courseId: string, body: UpdateCourseBody) =>
    request<CourseDetail>('PATCH', `/api/courses/${id(courseId)}`, { body }),
  publish: (courseId: string) => request<CourseDetail>('POST', `/api/courses/${id(courseId)}/publish`),
  archive: (courseId: string) => request<CourseDetail>('POST', `/api/courses/${id(courseId)}/archive`),
  organisationCourses: (orgId: string, query: AuthoringListQuery) =>
    request<AuthoringCourseList>('GET', `/api/organisations/${id(orgId)}/courses`, { query }),
  createModule: (courseId: string, title: string) =>
    request<ModuleOutline>('POST', `/api/courses/${id(courseId)}/modules`, { body: { title } }),
  renameModule: (courseId: string, moduleId: string, title: string) =>
    request<ModuleOutline>('PATCH', `/api/courses/${id(courseId)}/modules/${id(moduleId)}`, {
      body: { title },
    }),
  deleteModule: (courseId: string, moduleId: string) =>
    request<void>('DELETE', `/api/courses/${id(courseId)}/modules/${id(moduleId)}`),
  reorder: (courseId: string, body: OutlineBody) =>
    request<Outline>('PUT', `/api/courses/${id(courseId)}/outline`, { body }),
  createLesson: (courseId: string, moduleId: string, body: CreateLessonBody) =>
    request<Lesson>('POST', `/api/courses/${id(courseId)}/modules/${id(moduleId)}/lessons`, { body }),
  lesson: (courseId: string, lessonId: string) =>
    request<Lesson>('GET', `/api/courses/${id(courseId)}/lessons/${id(lessonId)}`),
  updateLesson: (courseId: string, lessonId: string, body: UpdateLessonBody) =>
    request<Lesson>('PATCH', `/api/courses/${id(courseId)}/lessons/${id(lessonId)}`, { body }),
  deleteLesson: (courseId: string, lessonId: string) =>
    request<void>('DELETE', `/api/courses/${id(courseId)}/lessons/${id(lessonId)}`),
  setLessonPublished: (courseId: string, lessonId: string, published: boolean) =>
    request<Lesson>(
      'POST',
      `/api/courses/${id(courseId)}/lessons/${id(lessonId)}/${published ? 'publish' : 'unpublish'}`,
    ),
};

export const filesApi = {
  upload: (file: File, organisationId?: string) => upload<StoredFile>('/api/files', file, { organisationId }),
};

export const cohortsApi = {
  list: (query: CohortListQuery) => request<CohortList>('GET', '/api/cohorts', { query }),
  get: (cohortId: string) => request<Cohort>('GET', `/api/cohorts/${id(cohortId)}`),
  sessions: (cohortId: string) => request<SessionList>('GET', `/api/cohorts/${id(cohortId)}/sessions`),
  createSession: (cohortId: string, body: CreateSessionBody) =>
    request<CohortSession>('POST', `/api/cohorts/${id(cohortId)}/sessions`, { body }),
  attendance: (cohortId: string, sessionId: string) =>
    request<SessionAttendance>('GET', `/api/cohorts/${id(cohortId)}/sessions/${id(sessionId)}/attendance`),
  recordAttendance: (cohortId: string, sessionId: string, body: AttendanceBody) =>
    request<SessionAttendance>('PUT', `/api/cohorts/${id(cohortId)}/sessions/${id(sessionId)}/attendance`, {
      body,
    }),
  roster: (cohortId: string, query: RosterQuery) =>
    request<EnrolmentList>('GET', `/api/cohorts/${id(cohortId)}/enrolments`, { query }),
  enrol: (cohortId: string, body: AdminEnrolBody) =>
    request<Enrolment>('POST', `/api/cohorts/${id(cohortId)}/enrolments`, { body }),
  gradebook: (cohortId: string, query: GradebookQuery) =>
    request<Gradebook>('GET', `/api/cohorts/${id(cohortId)}/gradebook`, { query }),
  /** The Excel workbook: a plain link (the browser downloads it with the session cookie). */
  gradebookXlsxUrl: (cohortId: string) => `/api/cohorts/${id(cohortId)}/gradebook.xlsx`,
};

/** A cohort's admins acting on one enrolment of its roster. */
export const enrolmentsApi = {
  withdraw: (enrolmentId: string) =>
    request<Enrolment>('POST', `/api/enrolments/${id(enrolmentId)}/withdraw`),
  /** Answers with the new enrolment, in the target cohort. */
  transfer: (enrolmentId: string, body: TransferBody) =>
    request<Enrolment>('POST', `/api/enrolments/${id(enrolmentId)}/transfer`, { body }),
};

export const learningApi = {
  mine: () => request<MyLearning>('GET', '/api/me/learning'),
  enrol: (cohortId: string) => request<Enrolment>('POST', '/api/me/enrolments', { body: { cohortId } }),
  completeLesson: (enrolmentId: string, lessonId: string) =>
    request<LessonProgress>('POST', `/api/enrolments/${id(enrolmentId)}/lessons/${id(lessonId)}/complete`),
};

export const quizzesApi = {
  forLearner: (quizId: string) => request<LearnerQuiz>('GET', `/api/quizzes/${id(quizId)}/me`),
  start: (quizId: string, enrolmentId?: string) =>
    request<Attempt>('POST', `/api/quizzes/${id(quizId)}/attempts`, { body: { enrolmentId } }),
  attempt: (attemptId: string) => request<Attempt>('GET', `/api/quiz-attempts/${id(attemptId)}`),
  saveAnswers: (attemptId: string, answers: AnswerInput[]) =>
    request<Attempt>('PUT', `/api/quiz-attempts/${id(attemptId)}/answers`, { body: { answers } }),
  submit: (attemptId: string, answers?: AnswerInput[]) =>
    request<Attempt>('POST', `/api/quiz-attempts/${id(attemptId)}/submit`, { body: { answers } }),
  review: (attemptId: string) => request<AttemptReview>('GET', `/api/quiz-attempts/${id(attemptId)}/review`),
  // authoring
  list: (courseId: string) =>
    request<QuizList>('GET', `/api/courses/${id(courseId)}/quizzes`, { query: { pageSize: 100 } }),
  create: (courseId: string, body: CreateQuizBody) =>
    request<Quiz>('POST', `/api/courses/${id(courseId)}/quizzes`, { body }),
  questions: (courseId: string, query: QuestionListQuery) =>
    request<QuestionList>('GET', `/api/courses/${id(courseId)}/questions`, { query }),
  importGift: (
    courseId: string,
    body: ImportQuestionsBody,
    options: { dryRun?: boolean; skipInvalid?: boolean },
  ) =>
    request<ImportReport>('POST', `/api/courses/${id(courseId)}/questions/import`, { body, query: options }),
};

export const credentialsApi = {
  get: (credentialId: string) => request<PublicCredential>('GET', `/api/credentials/${id(credentialId)}`),
  verify: (body: VerifyBody) => request<VerifyResult>('POST', '/api/credentials/verify', { body }),
  wallet: (query: WalletQuery) => request<WalletList>('GET', '/api/me/credentials', { query }),
  jsonUrl: (credentialId: string) => `/api/credentials/${id(credentialId)}/download.json`,
  pdfUrl: (credentialId: string) => `/api/credentials/${id(credentialId)}/download.pdf`,
  /** Certificates an organisation issued (its administrators). */
  issued: (orgId: string, query: IssuedQuery) =>
    request<IssuedList>('GET', `/api/organisations/${id(orgId)}/credentials`, { query }),
  revoke: (credentialId: string, body: RevokeBody) =>
    request<PublicCredential>('POST', `/api/credentials/${id(credentialId)}/revoke`, { body }),
};

/** Roster imports of a training partner: upload to preview, commit, the rejected rows, the history. */
export const registryApi = {
  /** Answers once every row is checked; `options.onProgress` follows the bytes sent. */
  preview: (orgId: string, file: File, options?: UploadOptions) =>
    uploadWithProgress<RosterImportDetail>(`/api/organisations/${id(orgId)}/roster-imports`, file, options),
  get: (importId: string) => request<RosterImportDetail>('GET', `/api/roster-imports/${id(importId)}`),
  /** Answers once committed; `onProgress` hears each phase (checking, matching, writing) on the way. */
  commit: (importId: string, body: RosterCommitBody, onProgress: (p: CommitProgress) => void = () => {}) =>
    requestLines<RosterImport, CommitProgress>(
      `/api/roster-imports/${id(importId)}/commit`,
      body,
      'import',
      onProgress,
    ),
  list: (orgId: string, query: RosterImportListQuery) =>
    request<RosterImportList>('GET', `/api/organisations/${id(orgId)}/roster-imports`, { query }),
  /** Downloads (Content-Disposition: attachment), opened as plain links. */
  rejectedUrl: (importId: string, format: RosterFileFormat) =>
    `/api/roster-imports/${id(importId)}/rejected.${format}`,
  templateUrl: (format: RosterFileFormat, lang: Locale) =>
    withQuery(`/api/roster-template.${format}`, { lang }),
};

export const notificationsApi = {
  list: (query: NotificationListQuery) =>
    request<NotificationList>('GET', '/api/me/notifications', { query }),
  markRead: (notificationId: string) =>
    request<Notification>('POST', `/api/me/notifications/${id(notificationId)}/read`),
  markAllRead: () => request<{ marked: number }>('POST', '/api/me/notifications/read-all'),
};

/** The signed-in person's own consents and data rights (no ids: always about oneself). */
export const privacyApi = {
  consents: () => request<ConsentOverview>('GET', '/api/me/consents'),
  recordConsent: (purpose: ConsentPurpose, body: RecordConsentBody) =>
    request<ConsentOverview>('PUT', `/api/me/consents/${id(purpose)}`, { body }),
  /** Downloads (Content-Disposition: attachment), opened as plain links. */
  jsonUrl: '/api/me/data',
  htmlUrl: '/api/me/data.html',
  erase: (body: EraseBody) => request<void>('POST', '/api/me/erase', { body }),
};

/** The people registry for NIC staff and partner admins; every read of a person page is audit-logged. */
export const peopleApi = {
  list: (query: PersonListQuery) => request<PersonList>('GET', '/api/people', { query }),
  get: (personId: string) => request<PersonPageResponse>('GET', `/api/people/${id(personId)}`),
};

/** ESCO occupations and the skills they need (public). */
export const occupationsApi = {
  list: (query: OccupationListQuery) => request<OccupationList>('GET', '/api/occupations', { query }),
  get: (occupationId: string) => request<OccupationProfile>('GET', `/api/occupations/${id(occupationId)}`),
};

/** The 4IR skills taxonomy (public): names in vi/en/ja, searched without accents and forgiving typos. */
export const skillsApi = {
  list: (query: SkillListQuery) => request<SkillList>('GET', '/api/skills', { query }),
  get: (skillId: string) => request<SkillDetail>('GET', `/api/skills/${id(skillId)}`),
};

/** The signed-in person's talent profile (always about oneself). */
export const profileApi = {
  get: () => request<TalentProfile>('GET', '/api/me/talent-profile'),
  save: (body: TalentProfileInput) => request<TalentProfile>('PUT', '/api/me/talent-profile', { body }),
};

/** Jobs: the public board, employers posting and closing, the learner's fit and application. */
export const jobsApi = {
  list: (query: JobListQuery) => request<JobList>('GET', '/api/jobs', { query }),
  get: (jobId: string) => request<JobDetail>('GET', `/api/jobs/${id(jobId)}`),
  create: (body: JobInput) => request<JobDetail>('POST', '/api/jobs', { body }),
  close: (jobId: string) =>
    request<JobDetail>('PATCH', `/api/jobs/${id(jobId)}`, { body: { status: 'closed' } }),
  matches: (limit?: number) => request<JobMatches>('GET', '/api/me/job-matches', { query: { limit } }),
  fit: (jobId: string) => request<MyJobFit>('GET', `/api/jobs/${id(jobId)}/fit`),
  apply: (jobId: string, body: ApplyBody) =>
    request<MyApplication>('POST', `/api/jobs/${id(jobId)}/applications`, { body }),
  candidates: (jobId: string, limit?: number) =>
    request<CandidateList>('GET', `/api/jobs/${id(jobId)}/candidates`, { query: { limit } }),
  applications: (jobId: string) => request<JobApplications>('GET', `/api/jobs/${id(jobId)}/applications`),
};

/** Applications: the learner's own (list, withdraw) and the employer moving one along the pipeline. */
export const applicationsApi = {
  mine: () => request<MyApplications>('GET', '/api/me/applications'),
  withdraw: (applicationId: string) =>
    request<MyApplication>('POST', `/api/me/applications/${id(applicationId)}/withdraw`),
  move: (applicationId: string, body: MoveApplicationBody) =>
    request<JobApplication>('PATCH', `/api/applications/${id(applicationId)}`, { body }),
};

/** One search over courses, open jobs, skills and occupations (public). */
export const searchApi = {
  search: (query: SearchQuery) => request<SearchResult>('GET', '/api/search', { query }),
};

/** Career pathways (public; signed in, the reader's own gap). */
export const pathwaysApi = {
  list: () => request<PathwayList>('GET', '/api/pathways'),
  get: (slug: string) => request<PathwayDetail>('GET', `/api/pathways/${id(slug)}`),
};

/** The labour market: anonymous counts of open jobs, verified skills and the semiconductor goal (public). */
export const labourMarketApi = {
  get: () => request<LabourMarket>('GET', '/api/labour-market'),
};

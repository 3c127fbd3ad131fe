/**
 * The types of the API, derived from the TypeBox contracts in common/contracts. Only types are
 * imported, so no schema code reaches the browser bundle.
 */
import type { Static } from 'typebox';
import type * as catalog from '../../common/contracts/catalog';
import type * as credentials from '../../common/contracts/credentials';
import type * as enrolment from '../../common/contracts/enrolment';
import type * as geo from '../../common/contracts/geo';
import type * as identity from '../../common/contracts/identity';
import type * as notifications from '../../common/contracts/notifications';
import type * as orgs from '../../common/contracts/organisations';
import type * as people from '../../common/contracts/people';
import type * as privacy from '../../common/contracts/privacy';
import type * as programs from '../../common/contracts/programs';
import type * as quizzes from '../../common/contracts/quizzes';
import type * as registry from '../../common/contracts/registry';
import type * as talent from '../../common/contracts/talent';

export type Me = Static<typeof identity.Me>;
export type Role = Static<typeof identity.RoleSchema>;
export type OrganisationKind = Static<typeof identity.OrganisationKindSchema>;
export type RoleGrant = Static<typeof identity.RoleGrant>;
export type MeResponse = Static<typeof identity.MeResponse>;
export type UserResponse = Static<typeof identity.UserResponse>;
export type RegisterBody = Static<typeof identity.RegisterBody>;
export type LoginBody = Static<typeof identity.LoginBody>;
export type ChangePasswordBody = Static<typeof identity.ChangePasswordBody>;
export type ForgotPasswordBody = Static<typeof identity.ForgotPasswordBody>;
export type ResetPasswordBody = Static<typeof identity.ResetPasswordBody>;
export type Accepted = Static<typeof identity.Accepted>;

export type Organisation = Static<typeof orgs.Organisation>;
export type OrganisationList = Static<typeof orgs.OrganisationList>;
export type OrganisationSort = (typeof orgs.organisationSorts)[number];
export type OrganisationListQuery = Static<typeof orgs.OrganisationListQuery>;
export type CreateOrganisationBody = Static<typeof orgs.CreateOrganisationBody>;
export type UpdateOrganisationBody = Static<typeof orgs.UpdateOrganisationBody>;
export type Member = Static<typeof orgs.Member>;
export type MemberList = Static<typeof orgs.MemberList>;
export type MemberListQuery = Static<typeof orgs.MemberListQuery>;
export type AddMemberBody = Static<typeof orgs.AddMemberBody>;
export type AdminUser = Static<typeof orgs.AdminUser>;
export type UserList = Static<typeof orgs.UserList>;
export type UserSort = (typeof orgs.userSorts)[number];
export type UserListQuery = Static<typeof orgs.UserListQuery>;
export type UpdateUserBody = Static<typeof orgs.UpdateUserBody>;
export type GrantBody = Static<typeof orgs.GrantBody>;
export type AuditEntry = Static<typeof orgs.AuditEntry>;
export type AuditList = Static<typeof orgs.AuditList>;
export type AuditListQuery = Static<typeof orgs.AuditListQuery>;

export type Province = Static<typeof geo.Province>;
export type ProvinceList = Static<typeof geo.ProvinceList>;

// --- catalog, authoring, files ---
export type CourseTopic = (typeof catalog.courseTopics)[number];
export type CourseLevel = (typeof catalog.courseLevels)[number];
export type DeliveryMode = (typeof catalog.deliveryModes)[number];
export type CourseStatus = (typeof catalog.courseStatuses)[number];
export type LessonKind = (typeof catalog.lessonKinds)[number];
export type CatalogSort = (typeof catalog.catalogSorts)[number];
export type CourseCard = Static<typeof catalog.CourseCard>;
export type CourseList = Static<typeof catalog.CourseList>;
export type CourseListQuery = Static<typeof catalog.CourseListQuery>;
export type CourseDetail = Static<typeof catalog.CourseDetail>;
export type CourseTranslations = Static<typeof catalog.CourseTranslations>;
export type ModuleOutline = Static<typeof catalog.ModuleOutline>;
export type LessonOutline = Static<typeof catalog.LessonOutline>;
export type Lesson = Static<typeof catalog.Lesson>;
export type CreateCourseBody = Static<typeof catalog.CreateCourseBody>;
export type UpdateCourseBody = Static<typeof catalog.UpdateCourseBody>;
export type CreateLessonBody = Static<typeof catalog.CreateLessonBody>;
export type UpdateLessonBody = Static<typeof catalog.UpdateLessonBody>;
export type OutlineBody = Static<typeof catalog.OutlineBody>;
export type Outline = Static<typeof catalog.Outline>;
export type AuthoringCourse = Static<typeof catalog.AuthoringCourse>;
export type AuthoringCourseList = Static<typeof catalog.AuthoringCourseList>;
export type AuthoringListQuery = Static<typeof catalog.AuthoringListQuery>;
export type StoredFile = Static<typeof catalog.StoredFile>;

export type Program = Static<typeof programs.Program>;
export type ProgramList = Static<typeof programs.ProgramList>;

// --- cohorts, enrolment, progress ---
export type AttendanceStatus = (typeof enrolment.attendanceStatuses)[number];
export type EnrolmentStatus = (typeof enrolment.enrolmentStatuses)[number];
export type Cohort = Static<typeof enrolment.Cohort>;
export type CohortList = Static<typeof enrolment.CohortList>;
export type CohortListQuery = Static<typeof enrolment.CohortListQuery>;
export type PublicCohort = Static<typeof enrolment.PublicCohort>;
export type PublicCohortList = Static<typeof enrolment.PublicCohortList>;
export type CohortSession = Static<typeof enrolment.CohortSession>;
export type SessionList = Static<typeof enrolment.SessionList>;
export type CreateSessionBody = Static<typeof enrolment.CreateSessionBody>;
export type Enrolment = Static<typeof enrolment.Enrolment>;
export type EnrolmentList = Static<typeof enrolment.EnrolmentList>;
export type RosterQuery = Static<typeof enrolment.RosterQuery>;
export type AdminEnrolBody = Static<typeof enrolment.AdminEnrolBody>;
export type TransferBody = Static<typeof enrolment.TransferBody>;
export type LessonProgress = Static<typeof enrolment.LessonProgress>;
export type AttendanceBody = Static<typeof enrolment.AttendanceBody>;
export type SessionAttendance = Static<typeof enrolment.SessionAttendance>;
export type Gradebook = Static<typeof enrolment.Gradebook>;
export type GradebookQuery = Static<typeof enrolment.GradebookQuery>;
export type MyLearning = Static<typeof enrolment.MyLearning>;
export type MyEnrolment = Static<typeof enrolment.MyEnrolment>;
export type MyCompletion = Static<typeof enrolment.MyCompletion>;

// --- quizzes ---
export type QuestionKind = quizzes.QuestionKind;
export type Question = Static<typeof quizzes.Question>;
export type QuestionList = Static<typeof quizzes.QuestionList>;
export type QuestionListQuery = Static<typeof quizzes.QuestionListQuery>;
export type Quiz = Static<typeof quizzes.Quiz>;
export type QuizList = Static<typeof quizzes.QuizList>;
export type CreateQuizBody = Static<typeof quizzes.CreateQuizBody>;
export type ImportQuestionsBody = Static<typeof quizzes.ImportQuestionsBody>;
export type ImportReport = Static<typeof quizzes.ImportReport>;
export type ImportItem = Static<typeof quizzes.ImportItem>;
export type LearnerQuiz = Static<typeof quizzes.LearnerQuiz>;
export type Attempt = Static<typeof quizzes.Attempt>;
export type AttemptQuestion = Static<typeof quizzes.AttemptQuestion>;
export type AnswerInput = Static<typeof quizzes.AnswerInput>;
export type AttemptReview = Static<typeof quizzes.AttemptReview>;
export type ReviewItem = Static<typeof quizzes.ReviewItem>;

// --- certificates ---
export type CredentialStatus = credentials.CredentialStatus;
export type RevocationReason = credentials.RevocationReason;
export type IssuedSort = (typeof credentials.issuedSorts)[number];
export type VerificationCheck = credentials.VerificationCheck;
export type PublicCredential = Static<typeof credentials.PublicCredential>;
export type VerifyBody = Static<typeof credentials.VerifyBody>;
export type VerifyResult = Static<typeof credentials.VerifyResult>;
export type WalletItem = Static<typeof credentials.WalletItem>;
export type WalletList = Static<typeof credentials.WalletList>;
export type WalletQuery = Static<typeof credentials.WalletQuery>;
export type IssuedCredential = Static<typeof credentials.IssuedCredential>;
export type IssuedList = Static<typeof credentials.IssuedList>;
export type IssuedQuery = Static<typeof credentials.IssuedQuery>;
export type RevokeBody = Static<typeof credentials.RevokeBody>;

// --- people registry: roster imports ---
export type RosterImportStatus = (typeof registry.rosterImportStatuses)[number];
export type RosterImportMode = (typeof registry.rosterImportModes)[number];
export type RosterFileFormat = (typeof registry.rosterFileFormats)[number];
export type RosterImport = Static<typeof registry.RosterImport>;
export type RosterImportDetail = Static<typeof registry.RosterImportDetail>;
export type RosterProblem = Static<typeof registry.RosterProblem>;
export type RosterImportList = Static<typeof registry.RosterImportList>;
export type RosterImportListQuery = Static<typeof registry.ImportListQuery>;
export type RosterCommitBody = Static<typeof registry.CommitBody>;
export type CommitProgress = Static<typeof registry.CommitProgress>;

// --- notifications ---
export type Notification = Static<typeof notifications.Notification>;
export type NotificationList = Static<typeof notifications.NotificationList>;
export type NotificationListQuery = Static<typeof notifications.NotificationListQuery>;

// --- privacy (consent and data rights) ---
export type ConsentPurpose = import('../../common/consent').ConsentPurpose;
export type ConsentState = Static<typeof privacy.ConsentState>;
export type ConsentRecord = Static<typeof privacy.ConsentRecord>;
export type ConsentOverview = Static<typeof privacy.ConsentOverview>;
export type RecordConsentBody = Static<typeof privacy.RecordConsentBody>;
export type EraseBody = Static<typeof privacy.EraseBody>;

// --- people registry: the list of people and the person page ---
export type PersonListQuery = Static<typeof people.PersonListQuery>;
export type PersonSummary = Static<typeof people.PersonSummary>;
export type PersonList = Static<typeof people.PersonList>;
export type PersonPage = Static<typeof people.PersonPage>;
export type PersonPageResponse = Static<typeof people.PersonPageResponse>;

// --- talent: ESCO occupations ---
export type OccupationListQuery = Static<typeof talent.OccupationListQuery>;
export type OccupationList = Static<typeof talent.OccupationList>;
export type OccupationProfile = Static<typeof talent.OccupationProfile>;

// --- talent: the 4IR skills, profiles, jobs, matching and applications ---
export type SkillCategory = import('../../common/talent').SkillCategory;
export type JlptLevel = import('../../common/talent').JlptLevel;
export type VisaTrack = import('../../common/talent').VisaTrack;
export type SswField = import('../../common/talent').SswField;
export type JobCountry = import('../../common/talent').JobCountry;
export type JobCurrency = import('../../common/talent').Currency;
export type ApplicationStatus = import('../../common/talent').ApplicationStatus;
export type SkillListQuery = Static<typeof talent.SkillListQuery>;
export type SkillSummary = Static<typeof talent.SkillSummary>;
export type SkillList = Static<typeof talent.SkillList>;
export type SkillDetail = Static<typeof talent.SkillDetail>;
export type TalentProfile = Static<typeof talent.TalentProfile>;
export type TalentProfileInput = Static<typeof talent.TalentProfileInput>;
export type ProfileSkill = Static<typeof talent.ProfileSkill>;
export type Education = Static<typeof talent.Education>;
export type Experience = Static<typeof talent.Experience>;
export type LanguageSkill = Static<typeof talent.LanguageSkill>;
export type JobInput = Static<typeof talent.JobInput>;
export type JobSkillInput = Static<typeof talent.JobSkillInput>;
export type EmployerRef = Static<typeof talent.EmployerRef>;
export type JobSummary = Static<typeof talent.JobSummary>;
export type JobDetail = Static<typeof talent.JobDetail>;
export type JobSort = (typeof talent.jobSorts)[number];
export type JobListQuery = Static<typeof talent.JobListQuery>;
export type JobList = Static<typeof talent.JobList>;
export type Gap = Static<typeof talent.Gap>;
export type Explanation = Static<typeof talent.Explanation>;
export type CourseSuggestion = Static<typeof talent.CourseSuggestion>;
export type JobMatch = Static<typeof talent.JobMatch>;
export type JobMatches = Static<typeof talent.JobMatches>;
export type MyJobFit = Static<typeof talent.MyJobFit>;
export type CandidatePerson = Static<typeof talent.CandidatePerson>;
export type Candidate = Static<typeof talent.Candidate>;
export type CandidateList = Static<typeof talent.CandidateList>;
export type ApplicationStep = Static<typeof talent.ApplicationStep>;
export type ApplyBody = Static<typeof talent.ApplyBody>;
export type MoveApplicationBody = Static<typeof talent.MoveApplicationBody>;
export type MyApplication = Static<typeof talent.MyApplication>;
export type MyApplications = Static<typeof talent.MyApplications>;
export type JobApplication = Static<typeof talent.JobApplication>;
export type JobApplications = Static<typeof talent.JobApplications>;
export type SearchType = (typeof talent.searchTypes)[number];
export type SearchQuery = Static<typeof talent.SearchQuery>;
export type SearchHit = Static<typeof talent.SearchHit>;
export type SearchResult = Static<typeof talent.SearchResult>;
export type PathwaySummary = Static<typeof talent.PathwaySummary>;
export type PathwayList = Static<typeof talent.PathwayList>;
export type PathwayDetail = Static<typeof talent.PathwayDetail>;
export type LabourMarket = Static<typeof talent.LabourMarket>;

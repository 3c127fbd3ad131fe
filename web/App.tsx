/**
 * Routes. The home page ships in the first bundle; every other page is loaded when first visited,
 * so a learner opening the site on a phone downloads only what the home page needs.
 */
import { type ComponentType, lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { AppShell } from './components/ui/AppShell';
import { RequireAuth } from './features/auth/RequireAuth';
import { EventStaffOnly } from './features/events/StaffOnly';
import { HomePage } from './features/home/HomePage';
import { NotFoundPage } from './features/home/NotFoundPage';

function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}

const LoginPage = page(() => import('./features/auth/LoginPage'), 'LoginPage');
const RegisterPage = page(() => import('./features/auth/RegisterPage'), 'RegisterPage');
const ForgotPasswordPage = page(() => import('./features/auth/ForgotPasswordPage'), 'ForgotPasswordPage');
const ResetPasswordPage = page(() => import('./features/auth/ResetPasswordPage'), 'ResetPasswordPage');
const AccountPage = page(() => import('./features/auth/AccountPage'), 'AccountPage');
const UsersPage = page(() => import('./features/admin/UsersPage'), 'UsersPage');
const UserDetailPage = page(() => import('./features/admin/UserDetailPage'), 'UserDetailPage');
const OrganisationsPage = page(() => import('./features/admin/OrganisationsPage'), 'OrganisationsPage');
const OrganisationDetailPage = page(
  () => import('./features/admin/OrganisationDetailPage'),
  'OrganisationDetailPage',
);
const AuditPage = page(() => import('./features/admin/AuditPage'), 'AuditPage');
const ImpactProgramsPage = page(() => import('./features/impact/ImpactProgramsPage'), 'ImpactProgramsPage');
const ProgramDashboardPage = page(
  () => import('./features/impact/ProgramDashboardPage'),
  'ProgramDashboardPage',
);
const CatalogPage = page(() => import('./features/catalog/CatalogPage'), 'CatalogPage');
const CoursePage = page(() => import('./features/catalog/CoursePage'), 'CoursePage');
const LessonPage = page(() => import('./features/learn/LessonPage'), 'LessonPage');
const QuizAttemptPage = page(() => import('./features/learn/QuizAttemptPage'), 'QuizAttemptPage');
const QuizReviewPage = page(() => import('./features/learn/QuizReviewPage'), 'QuizReviewPage');
const MyLearningPage = page(() => import('./features/learn/MyLearningPage'), 'MyLearningPage');
const WalletPage = page(() => import('./features/credentials/WalletPage'), 'WalletPage');
const VerifyPage = page(() => import('./features/credentials/VerifyPage'), 'VerifyPage');
const TeachPage = page(() => import('./features/teach/TeachPage'), 'TeachPage');
const CourseEditorPage = page(() => import('./features/teach/CourseEditorPage'), 'CourseEditorPage');
const CohortPage = page(() => import('./features/teach/CohortPage'), 'CohortPage');
const CertificatesPage = page(() => import('./features/teach/CertificatesPage'), 'CertificatesPage');
const RosterImportPage = page(() => import('./features/registry/RosterImportPage'), 'RosterImportPage');
const PrivacyPage = page(() => import('./features/privacy/PrivacyPage'), 'PrivacyPage');
const DuplicatesPage = page(() => import('./features/review/DuplicatesPage'), 'DuplicatesPage');
const PeoplePage = page(() => import('./features/people/PeoplePage'), 'PeoplePage');
const PersonPage = page(() => import('./features/people/PersonPage'), 'PersonPage');
const OccupationsPage = page(() => import('./features/talent/OccupationsPage'), 'OccupationsPage');
const OccupationPage = page(() => import('./features/talent/OccupationPage'), 'OccupationPage');
const SearchPage = page(() => import('./features/talent/SearchPage'), 'SearchPage');
const PathwaysPage = page(() => import('./features/talent/PathwaysPage'), 'PathwaysPage');
const PathwayPage = page(() => import('./features/talent/PathwaysPage'), 'PathwayPage');
const LabourMarketPage = page(() => import('./features/talent/LabourMarketPage'), 'LabourMarketPage');
const ProfilePage = page(() => import('./features/talent/ProfilePage'), 'ProfilePage');
const JobsPage = page(() => import('./features/jobs/JobsPage'), 'JobsPage');
const JobPage = page(() => import('./features/jobs/JobPage'), 'JobPage');
const MyJobsPage = page(() => import('./features/jobs/MyJobsPage'), 'MyJobsPage');
const EmployerPage = page(() => import('./features/employer/EmployerPage'), 'EmployerPage');
const JobFormPage = page(() => import('./features/employer/JobFormPage'), 'JobFormPage');
const EmployerJobPage = page(() => import('./features/employer/EmployerJobPage'), 'EmployerJobPage');
const EventsPage = page(() => import('./features/events/EventsPage'), 'EventsPage');
const EventPage = page(() => import('./features/events/EventPage'), 'EventPage');
const ManageEventsPage = page(() => import('./features/events/ManageEventsPage'), 'ManageEventsPage');
const EventFormPage = page(() => import('./features/events/EventFormPage'), 'EventFormPage');
const EventDeskPage = page(() => import('./features/events/EventDeskPage'), 'EventDeskPage');
const CheckInPage = page(() => import('./features/events/CheckInPage'), 'CheckInPage');

export function App() {
  return (
    <AppShell>
      <Routes>
        <Route path="/" element={<HomePage />} />
        <Route path="/login" element={<LoginPage />} />
        <Route path="/register" element={<RegisterPage />} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/reset-password" element={<ResetPasswordPage />} />
        <Route path="/courses" element={<CatalogPage />} />
        <Route path="/courses/:slug" element={<CoursePage />} />
        <Route path="/occupations" element={<OccupationsPage />} />
        <Route path="/occupations/:id" element={<OccupationPage />} />
        <Route path="/search" element={<SearchPage />} />
        <Route path="/pathways" element={<PathwaysPage />} />
        <Route path="/pathways/:slug" element={<PathwayPage />} />
        <Route path="/labour-market" element={<LabourMarketPage />} />
        <Route path="/jobs" element={<JobsPage />} />
        <Route path="/jobs/:id" element={<JobPage />} />
        <Route path="/events" element={<EventsPage />} />
        <Route path="/events/:id" element={<EventPage />} />
        {/* The page a registration's QR code opens on a staff member's phone. */}
        <Route
          path="/events/check-in/:token"
          element={
            <RequireAuth>
              <CheckInPage />
            </RequireAuth>
          }
        />
        <Route path="/events/manage">
          <Route
            index
            element={
              <EventStaffOnly>
                <ManageEventsPage />
              </EventStaffOnly>
            }
          />
          <Route
            path="new"
            element={
              <EventStaffOnly>
                <EventFormPage />
              </EventStaffOnly>
            }
          />
          <Route
            path=":id"
            element={
              <EventStaffOnly>
                <EventDeskPage />
              </EventStaffOnly>
            }
          />
          <Route
            path=":id/edit"
            element={
              <EventStaffOnly>
                <EventFormPage />
              </EventStaffOnly>
            }
          />
        </Route>
        <Route
          path="/me/jobs"
          element={
            <RequireAuth>
              <MyJobsPage />
            </RequireAuth>
          }
        />
        <Route
          path="/me/profile"
          element={
            <RequireAuth>
              <ProfilePage />
            </RequireAuth>
          }
        />
        <Route path="/employer">
          <Route
            index
            element={
              <RequireAuth rule="employer">
                <EmployerPage />
              </RequireAuth>
            }
          />
          <Route
            path="jobs/new"
            element={
              <RequireAuth rule="employer">
                <JobFormPage />
              </RequireAuth>
            }
          />
          <Route
            path="jobs/:id"
            element={
              <RequireAuth rule="employer">
                <EmployerJobPage />
              </RequireAuth>
            }
          />
        </Route>
        <Route path="/learn/:courseSlug">
          <Route
            index
            element={
              <RequireAuth>
                <LessonPage />
              </RequireAuth>
            }
          />
          <Route
            path=":lessonId"
            element={
              <RequireAuth>
                <LessonPage />
              </RequireAuth>
            }
          />
          <Route
            path=":lessonId/attempts/:attemptId"
            element={
              <RequireAuth>
                <QuizAttemptPage />
              </RequireAuth>
            }
          />
          <Route
            path=":lessonId/attempts/:attemptId/review"
            element={
              <RequireAuth>
                <QuizReviewPage />
              </RequireAuth>
            }
          />
        </Route>
        <Route
          path="/me/learning"
          element={
            <RequireAuth>
              <MyLearningPage />
            </RequireAuth>
          }
        />
        <Route
          path="/me/credentials"
          element={
            <RequireAuth>
              <WalletPage />
            </RequireAuth>
          }
        />
        <Route
          path="/me/privacy"
          element={
            <RequireAuth>
              <PrivacyPage />
            </RequireAuth>
          }
        />
        {/* Links in notifications and e-mails written by the server. */}
        <Route path="/learning/*" element={<Navigate to="/me/learning" replace />} />
        <Route path="/verify" element={<VerifyPage />} />
        <Route path="/verify/:id" element={<VerifyPage />} />
        <Route path="/credentials/:id" element={<VerifyPage />} />
        <Route path="/teach">
          <Route
            index
            element={
              <RequireAuth rule="teacher">
                <TeachPage />
              </RequireAuth>
            }
          />
          <Route
            path="courses/:id"
            element={
              <RequireAuth rule="teacher">
                <CourseEditorPage />
              </RequireAuth>
            }
          />
          <Route
            path="cohorts/:id"
            element={
              <RequireAuth rule="teacher">
                <CohortPage />
              </RequireAuth>
            }
          />
          <Route
            path="certificates"
            element={
              <RequireAuth rule="teacher">
                <CertificatesPage />
              </RequireAuth>
            }
          />
          <Route
            path="rosters"
            element={
              <RequireAuth rule="teacher">
                <RosterImportPage />
              </RequireAuth>
            }
          />
        </Route>
        <Route
          path="/people"
          element={
            <RequireAuth rule="peopleReader">
              <PeoplePage />
            </RequireAuth>
          }
        />
        <Route
          path="/people/:id"
          element={
            <RequireAuth rule="peopleReader">
              <PersonPage />
            </RequireAuth>
          }
        />
        <Route
          path="/impact"
          element={
            <RequireAuth rule="impactViewer">
              <ImpactProgramsPage />
            </RequireAuth>
          }
        />
        <Route
          path="/impact/:code"
          element={
            <RequireAuth rule="impactViewer">
              <ProgramDashboardPage />
            </RequireAuth>
          }
        />
        <Route
          path="/registry/duplicates"
          element={
            <RequireAuth rule="registryReviewer">
              <DuplicatesPage />
            </RequireAuth>
          }
        />
        <Route
          path="/account"
          element={
            <RequireAuth>
              <AccountPage />
            </RequireAuth>
          }
        />
        <Route path="/admin">
          <Route
            index
            element={
              <RequireAuth rule="platformAdmin">
                <Navigate to="/admin/users" replace />
              </RequireAuth>
            }
          />
          <Route
            path="users"
            element={
              <RequireAuth rule="platformAdmin">
                <UsersPage />
              </RequireAuth>
            }
          />
          <Route
            path="users/:userId"
            element={
              <RequireAuth rule="platformAdmin">
                <UserDetailPage />
              </RequireAuth>
            }
          />
          <Route
            path="organisations"
            element={
              <RequireAuth rule="platformAdmin">
                <OrganisationsPage />
              </RequireAuth>
            }
          />
          <Route
            path="organisations/:orgId"
            element={
              <RequireAuth rule="organisationAdmin">
                <OrganisationDetailPage />
              </RequireAuth>
            }
          />
          <Route
            path="audit"
            element={
              <RequireAuth rule="platformAdmin">
                <AuditPage />
              </RequireAuth>
            }
          />
          <Route
            path="*"
            element={
              <RequireAuth rule="platformAdmin">
                <NotFoundPage />
              </RequireAuth>
            }
          />
        </Route>
        <Route path="*" element=<NotFoundPage /> />
      </Routes>
    </AppShell>
  );
}

/**
 * The frame of every page: skip link, header (brand, language), main navigation, main content and
 * footer. Navigation wraps instead of hiding behind a menu, so every link stays one tap away at 360px.
 */
import { Container, Group, Text } from '@mantine/core';
import { type ReactNode, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { administeredOrganisations, canTeach, isPlatformAdmin } from '../../features/auth/access';
import { useLogout, useMe, useSetLanguage } from '../../features/auth/hooks';
import { canSeeImpact } from '../../features/impact/access';
import { isEmployer } from '../../features/jobs/access';
import { NotificationsBell } from '../../features/notifications/NotificationsBell';
import { canReadPeople } from '../../features/people/access';
import { canReviewDuplicates } from '../../features/review/access';
import { LanguageSwitcher } from './LanguageSwitcher';
import { PageLoader } from './PageLoader';

export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { me } = useMe();
  const setLanguage = useSetLanguage();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);

  // After client-side navigation, start at the top and move focus to the new content, as a full page
  // load would; screen readers then read the new page instead of staying on the clicked link.
  const shownPath = useRef(location.pathname);
  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    window.scrollTo(0, 0);
    mainRef.current?.focus({ preventScroll: true });
  }, [location.pathname]);

  const admin = isPlatformAdmin(me);
  const myOrganisations = admin ? [] : administeredOrganisations(me);

  return (
    <>
      <a href="#main" className="skip-link">
        {t('nav.skip')}
      </a>
      <header className="app-header">
        <Container size="lg" py="xs">
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Link to="/" className="app-brand">
              {t('app.name')}
            </Link>
            <Group gap="xs" wrap="nowrap">
              {me && <NotificationsBell />}
              <LanguageSwitcher onChange={setLanguage} />
            </Group>
          </Group>
          <nav className="app-nav" aria-label={t('nav.label')}>
            <ul>
              <li>
                <NavLink to="/" end>
                  {t('nav.home')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/courses" data-testid="nav-courses">
                  {t('nav.courses')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/occupations" data-testid="nav-occupations">
                  {t('nav.occupations')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/jobs" data-testid="nav-jobs">
                  {t('nav.jobs')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/pathways" data-testid="nav-pathways">
                  {t('nav.pathways')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/labour-market" data-testid="nav-market">
                  {t('nav.market')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/search" data-testid="nav-search">
                  {t('nav.search')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/events" data-testid="nav-events">
                  {t('events.nav')}
                </NavLink>
              </li>
              {me && (
                <>
                  <li>
                    <NavLink to="/me/learning" data-testid="nav-my-learning">
                      {t('nav.myLearning')}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/me/credentials" data-testid="nav-credentials">
                      {t('nav.credentials')}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/me/jobs" data-testid="nav-my-jobs">
                      {t('nav.myJobs')}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/me/profile" data-testid="nav-profile">
                      {t('nav.profile')}
                    </NavLink>
                  </li>
                </>
              )}
              {isEmployer(me) && (
                <li>
                  <NavLink to="/employer" data-testid="nav-employer">
                    {t('nav.employer')}
                  </NavLink>
                </li>
              )}
              {canTeach(me) && (
                <li>
                  <NavLink to="/teach" data-testid="nav-teach">
                    {t('nav.teach')}
                  </NavLink>
                </li>
              )}
              {canReadPeople(me) && (
                <li>
                  <NavLink to="/people" data-testid="nav-people">
                    {t('people.nav')}
                  </NavLink>
                </li>
              )}
              {canSeeImpact(me) && (
                <li>
                  <NavLink to="/impact" data-testid="nav-impact">
                    {t('impact.nav')}
                  </NavLink>
                </li>
              )}
              {canReviewDuplicates(me) && (
                <li>
                  <NavLink to="/registry/duplicates" data-testid="nav-duplicates">
                    {t('review.nav')}
                  </NavLink>
                </li>
              )}
              {admin && (
                <>
                  <li>
                    <NavLink to="/admin/users">{t('nav.users')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/admin/organisations">{t('nav.organisations')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/admin/audit">{t('nav.audit')}</NavLink>
                  </li>
                </>
              )}
              {myOrganisations.map((org) => (
                <li key={org.id}>
                  <NavLink to={`/admin/organisations/${org.id}`}>
                    {myOrganisations.length === 1
                      ? t('nav.myOrganisation')
                      : t('nav.myOrganisationNamed', { name: org.name })}
                  </NavLink>
                </li>
              ))}
              {me ? (
                <>
                  <li>
                    <NavLink to="/account" data-testid="nav-account">
                      {t('nav.account')}
                    </NavLink>
                  </li>
                  <li>
                    <button
                      type="button"
                      className="app-nav-link mantine-focus-auto"
                      data-testid="logout-button"
                      disabled={logout.isPending}
                      onClick={() => logout.mutate(undefined, { onSuccess: () => navigate('/') })}
                    >
                      {t('nav.logout')}
                    </button>
                  </li>
                </>
              ) : (
                <>
                  <li>
                    <NavLink to="/login" data-testid="nav-login">
                      {t('nav.login')}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/register" data-testid="nav-register">
                      {t('nav.register')}
                    </NavLink>
                  </li>
                </>
              )}
            </ul>
          </nav>
        </Container>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="app-main">
        <Container size="lg" py="lg">
          <Suspense fallback={<PageLoader />}>{children}</Suspense>
        </Container>
      </main>
      <footer className="app-footer">
        <Container size="lg" py="md">
          <Text size="sm">{t('app.tagline')}</Text>
        </Container>
      </footer>
    </>
  );
}

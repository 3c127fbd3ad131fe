import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useParams } from 'react-router';
import type { Me } from '../../api/types';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { PageLoader } from '../../components/ui/PageLoader';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { canSeeImpact } from '../impact/access';
import { isEmployer } from '../jobs/access';
import { canReadPeople } from '../people/access';
import { canReviewDuplicates } from '../review/access';
import { canAdministerOrganisation, canTeach, isPlatformAdmin } from './access';
import { useMe } from './hooks';

type Rule =
  | 'signedIn'
  | 'platformAdmin'
  | 'organisationAdmin'
  | 'teacher'
  | 'peopleReader'
  | 'registryReviewer'
  | 'impactViewer'
  | 'employer';

function allowed(rule: Rule, me: Me, orgId: string | undefined) {
  if (rule === 'platformAdmin') return isPlatformAdmin(me);
  if (rule === 'organisationAdmin') return orgId !== undefined && canAdministerOrganisation(me, orgId);
  if (rule === 'teacher') return canTeach(me);
  if (rule === 'peopleReader') return canReadPeople(me);
  if (rule === 'registryReviewer') return canReviewDuplicates(me);
  if (rule === 'impactViewer') return canSeeImpact(me);
  if (rule === 'employer') return isEmployer(me);
  return true;
}

/** Sends visitors to /login?next=… and shows "access denied" to accounts without the needed role. */
export function RequireAuth({ children, rule = 'signedIn' }: { children: ReactNode; rule?: Rule }) {
  const { me, isPending, error } = useMe();
  const location = useLocation();
  const { orgId } = useParams();
  if (isPending) return <PageLoader />;
  if (error) return <ErrorAlert error={error} />;
  if (!me) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  if (!allowed(rule, me, orgId)) return <Forbidden />;
  return children;
}

function Forbidden() {
  const { t } = useTranslation();
  usePageTitle(t('errors.forbiddenTitle'));
  return (
    <Stack>
      <Title order={1}>{t('errors.forbiddenTitle')}</Title>
      <Text>{t('errors.forbidden')}</Text>
    </Stack>
  );
}

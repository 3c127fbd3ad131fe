/**
 * A person page (/people/:id): identity, enrolments, certificates, events,
 * consent, and for NIC staff the merge history and who read the page lately. Opening it is a read the
 * server writes to the audit log; the page says so. A record merged into another opens the survivor.
 */
import './styles';
import { Alert, Anchor, Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { consentWording } from '../../../common/consent';
import { ApiError } from '../../api/client';
import type { PersonPage as PersonPageT } from '../../api/types';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { formatDate, formatDateTime } from '../../components/ui/format';
import { PageLoader } from '../../components/ui/PageLoader';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { currentLocale } from '../../i18n';
import { usePerson } from './queries';

export function PersonPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const query = usePerson(id);
  const data = query.data;
  const person = data && !data.merged ? data : undefined;
  usePageTitle(person ? person.fullName || t('people.anonymisedName') : t('people.title'));

  // A merged record: open the survivor instead (the server said which), replacing this address.
  const survivor = data?.merged ? data.mergedInto : undefined;
  useEffect(() => {
    if (survivor) navigate(`/people/${survivor}`, { replace: true });
  }, [survivor, navigate]);

  const back = (
    <Anchor component={Link} to="/people" size="sm">
      ← {t('people.back')}
    </Anchor>
  );
  if (query.error instanceof ApiError && query.error.status === 404)
    return (
      <Stack gap="md">
        {back}
        <Title order={1}>{t('people.notFound')}</Title>
      </Stack>
    );
  if (query.error)
    return (
      <Stack gap="md">
        {back}
        <ErrorAlert error={query.error} />
      </Stack>
    );
  if (!person) return <PageLoader />;
  return (
    <Stack gap="lg" data-testid="person-page" data-person-id={person.id}>
      {back}
      <Stack gap="xs">
        <Title order={1}>{person.fullName || t('people.anonymisedName')}</Title>
        {person.anonymisedAt && (
          <Text c="dimmed">
            {t('people.anonymised', { date: formatDate(person.anonymisedAt, currentLocale()) })}
          </Text>
        )}
        <Text size="sm" c="dimmed" data-testid="person-read-logged">
          {t('people.readLogged')}
        </Text>
        {person.scope === 'organisation' && (
          <Alert variant="light" color="blue" data-testid="person-partner-scope">
            {t('people.partnerScope')}
          </Alert>
        )}
      </Stack>
      <Identity person={person} />
      <Enrolments person={person} />
      <Certificates person={person} />
      <Events person={person} />
      <Consents person={person} />
      {person.merges.length > 0 && <Merges person={person} />}
      {person.recentReads && <Reads reads={person.recentReads} />}
    </Stack>
  );
}

function Section({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby={headingId} data-testid={testId}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={headingId}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** A section holding one table, or the text that says it is empty. */
function TableSection({
  title,
  testId,
  empty = null,
  head,
  children,
}: {
  title: string;
  testId: string;
  empty?: string | null;
  head: ReactNode;
  children: ReactNode;
}) {
  return (
    <Section title={title} testId={testId}>
      {empty !== null ? (
        <Text c="dimmed">{empty}</Text>
      ) : (
        <div className="table-scroll">
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>{head}</Table.Tr>
            </Table.Thead>
            <Table.Tbody>{children}</Table.Tbody>
          </Table>
        </div>
      )}
    </Section>
  );
}

function Identity({ person }: { person: PersonPageT }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const unknown = (
    <Text span c="dimmed">
      {t('people.identity.unknown')}
    </Text>
  );
  const hidden = (
    <Text span c="dimmed" fs="italic">
      {t('people.identity.hidden')}
    </Text>
  );
  const value = (v: ReactNode | null | undefined) =>
    v === null || v === undefined || v === '' ? unknown : v;
  const nationalId = person.hiddenFields.includes('nationalId') ? (
    hidden
  ) : person.nationalId ? (
    <>
      <span className="nowrap" data-testid="person-national-id">
        {person.nationalId}
      </span>{' '}
      <Text span size="sm" c="dimmed">
        ({t('people.identity.nationalIdMasked')})
      </Text>
    </>
  ) : (
    unknown
  );
  const disability = person.hiddenFields.includes('disability')
    ? hidden
    : person.disability === true
      ? t('people.identity.yes')
      : person.disability === false
        ? t('people.identity.no')
        : unknown;
  const rows: [string, ReactNode, string?][] = [
    [t('people.identity.fullName'), value(person.fullName)],
    [t('people.identity.sex'), value(person.sex ? t(`people.sex.${person.sex}`) : null)],
    [
      t('people.identity.dateOfBirth'),
      value(person.dateOfBirth && formatDate(person.dateOfBirth, locale, 'long')),
    ],
    [t('people.identity.province'), value(person.province?.name)],
    [t('people.identity.commune'), value(person.commune?.name)],
    [t('people.identity.phone'), value(person.phone)],
    [t('people.identity.email'), value(person.email)],
    [t('people.identity.nationalId'), nationalId],
    [t('people.identity.disability'), disability, 'person-disability'],
    [
      t('people.identity.account'),
      person.hasAccount ? t('people.identity.accountYes') : t('people.identity.accountNo'),
    ],
    [t('people.identity.organisations'), value(person.organisations.map((o) => o.name).join(', '))],
  ];
  return (
    <Section title={t('people.identity.title')} testId="person-identity">
      <dl className="facts">
        {rows.map(([label, v, testId]) => (
          <div key={label} style={{ display: 'contents' }}>
            <dt>{label}</dt>
            <dd data-testid={testId}>{v}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}

function Enrolments({ person }: { person: PersonPageT }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <TableSection
      title={t('people.enrolments.title')}
      testId="person-enrolments"
      empty={person.enrolments.length === 0 ? t('people.enrolments.empty') : null}
      head={
        <>
          <Table.Th>{t('people.enrolments.course')}</Table.Th>
          <Table.Th visibleFrom="sm">{t('people.enrolments.cohort')}</Table.Th>
          <Table.Th visibleFrom="md">{t('people.enrolments.organisation')}</Table.Th>
          <Table.Th>{t('people.enrolments.status')}</Table.Th>
          <Table.Th visibleFrom="sm">{t('people.enrolments.enrolled')}</Table.Th>
          <Table.Th visibleFrom="sm">{t('people.enrolments.completed')}</Table.Th>
        </>
      }
    >
      {person.enrolments.map((e) => (
        <Table.Tr
          key={e.id}
          data-testid="person-enrolment"
          data-organisation-id={e.organisation.id}
          data-cohort-code={e.cohortCode}
        >
          <Table.Td>
            <Text fw={600} size="sm">
              {e.course}
            </Text>
            <Text size="xs" c="dimmed" hiddenFrom="md">
              {e.cohortCode} · {e.organisation.name}
            </Text>
          </Table.Td>
          <Table.Td visibleFrom="sm">
            <span className="nowrap">{e.cohortCode}</span>
          </Table.Td>
          <Table.Td visibleFrom="md">{e.organisation.name}</Table.Td>
          <Table.Td>
            <Badge variant="light" color={e.status === 'completed' ? 'green' : 'gray'}>
              {t(`enrolmentStatus.${e.status}`)}
            </Badge>
          </Table.Td>
          <Table.Td visibleFrom="sm" className="nowrap">
            {formatDate(e.enrolledAt, locale)}
          </Table.Td>
          <Table.Td visibleFrom="sm" className="nowrap">
            {e.completedAt ? formatDate(e.completedAt, locale) : ''}
          </Table.Td>
        </Table.Tr>
      ))}
    </TableSection>
  );
}

function Certificates({ person }: { person: PersonPageT }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <TableSection
      title={t('people.certificates.title')}
      testId="person-certificates"
      empty={person.certificates.length === 0 ? t('people.certificates.empty') : null}
      head={
        <>
          <Table.Th>{t('people.certificates.course')}</Table.Th>
          <Table.Th visibleFrom="sm">{t('people.certificates.issuer')}</Table.Th>
          <Table.Th visibleFrom="sm">{t('people.certificates.issued')}</Table.Th>
          <Table.Th>{t('people.certificates.status')}</Table.Th>
        </>
      }
    >
      {person.certificates.map((c) => (
        <Table.Tr key={c.id} data-testid="person-certificate">
          <Table.Td>
            <Anchor component={Link} to={`/credentials/${c.id}`} size="sm" fw={600}>
              {c.course}
            </Anchor>
            <Text size="xs" c="dimmed" hiddenFrom="sm">
              {c.issuer.name} · {formatDate(c.issuedAt, locale)}
            </Text>
          </Table.Td>
          <Table.Td visibleFrom="sm">{c.issuer.name}</Table.Td>
          <Table.Td visibleFrom="sm" className="nowrap">
            {formatDate(c.issuedAt, locale)}
          </Table.Td>
          <Table.Td>
            <Badge variant="light" color={c.status === 'active' ? 'green' : 'red'}>
              {t(`credentialStatus.${c.status}`)}
            </Badge>
          </Table.Td>
        </Table.Tr>
      ))}
    </TableSection>
  );
}

function Events({ person }: { person: PersonPageT }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <TableSection
      title={t('people.events.title')}
      testId="person-events"
      empty={person.events.length === 0 ? t('people.events.empty') : null}
      head={
        <>
          <Table.Th>{t('people.events.event')}</Table.Th>
          <Table.Th visibleFrom="sm">{t('people.events.organisation')}</Table.Th>
          <Table.Th visibleFrom="sm">{t('people.events.date')}</Table.Th>
          <Table.Th>{t('people.events.attendance')}</Table.Th>
        </>
      }
    >
      {person.events.map((e) => (
        <Table.Tr key={e.id} data-testid="person-event" data-organisation-id={e.organisation.id}>
          <Table.Td>
            <Anchor component={Link} to={`/events/manage/${e.eventId}`} size="sm" fw={600}>
              {e.title}
            </Anchor>
            <Text size="xs" c="dimmed" hiddenFrom="sm">
              {e.organisation.name} · {formatDate(e.startsAt, locale)}
            </Text>
          </Table.Td>
          <Table.Td visibleFrom="sm">{e.organisation.name}</Table.Td>
          <Table.Td visibleFrom="sm" className="nowrap">
            {formatDate(e.startsAt, locale)}
          </Table.Td>
          <Table.Td>
            {e.checkedInAt
              ? e.walkIn
                ? t('people.events.walkIn')
                : t('people.events.attended')
              : t('people.events.notAttended')}
          </Table.Td>
        </Table.Tr>
      ))}
    </TableSection>
  );
}

function Consents({ person }: { person: PersonPageT }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <TableSection
      title={t('people.consents.title')}
      testId="person-consents"
      head={
        <>
          <Table.Th>{t('people.consents.purpose')}</Table.Th>
          <Table.Th>{t('people.consents.state')}</Table.Th>
          <Table.Th visibleFrom="sm">{t('people.consents.recorded')}</Table.Th>
          <Table.Th visibleFrom="sm">{t('people.consents.version')}</Table.Th>
        </>
      }
    >
      {person.consents.map((c) => (
        <Table.Tr key={c.purpose} data-testid="person-consent" data-purpose={c.purpose}>
          <Table.Td>{consentWording[c.purpose].text[locale].title}</Table.Td>
          <Table.Td>
            <Badge variant="light" color={c.granted ? 'green' : 'gray'}>
              {c.granted ? t('people.consents.granted') : t('people.consents.notGranted')}
            </Badge>
            {c.recordedAt && (
              <Text size="xs" c="dimmed" hiddenFrom="sm">
                {formatDateTime(c.recordedAt, locale)}
              </Text>
            )}
          </Table.Td>
          <Table.Td visibleFrom="sm">
            {c.recordedAt ? (
              <>
                <span className="nowrap">{formatDateTime(c.recordedAt, locale)}</span>
                {c.source && (
                  <Text size="xs" c="dimmed">
                    {t(`people.consents.source.${c.source}`)}
                  </Text>
                )}
              </>
            ) : (
              <Text span c="dimmed" size="sm">
                {t('people.consents.never')}
              </Text>
            )}
          </Table.Td>
          <Table.Td visibleFrom="sm">
            {c.wordingVersion ?? ''}
            {c.wordingVersion && !c.answeredCurrentWording && (
              <Text size="xs" c="orange.9">
                {t('people.consents.outdated')}
              </Text>
            )}
          </Table.Td>
        </Table.Tr>
      ))}
    </TableSection>
  );
}

function Merges({ person }: { person: PersonPageT }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Section title={t('people.merges.title')} testId="person-merges">
      <ul>
        {person.merges.map((m) => {
          const other = m.survivorId === person.id ? m.mergedId : m.survivorId;
          const id = other.slice(0, 8);
          return (
            <li key={m.id}>
              {formatDate(m.mergedAt, locale)}:{' '}
              <Anchor component={Link} to={`/people/${other}`}>
                {m.survivorId === person.id
                  ? t('people.merges.absorbed', { id })
                  : t('people.merges.into', { id })}
              </Anchor>
              {m.undoneAt && ` (${t('people.merges.undone', { date: formatDate(m.undoneAt, locale) })})`}
            </li>
          );
        })}
      </ul>
    </Section>
  );
}

function Reads({ reads }: { reads: NonNullable<PersonPageT['recentReads']> }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const field = (f: string) => (f === 'nationalId' || f === 'disability' ? t(`people.reads.field.${f}`) : f);
  return (
    <TableSection
      title={t('people.reads.title')}
      testId="person-reads"
      head={
        <>
          <Table.Th>{t('people.reads.who')}</Table.Th>
          <Table.Th>{t('people.reads.when')}</Table.Th>
          <Table.Th visibleFrom="sm">{t('people.reads.fields')}</Table.Th>
        </>
      }
    >
      {reads.map((r, i) => (
        // Reads have no id of their own; their order (newest first) is stable for one answer.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Table.Tr key={i} data-testid="person-read">
          <Table.Td>
            {r.actorName || r.actorEmail || t('people.reads.unknownActor')}
            {r.actorEmail && r.actorName && (
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {r.actorEmail}
              </Text>
            )}
          </Table.Td>
          <Table.Td className="nowrap">{formatDateTime(r.at, locale)}</Table.Td>
          <Table.Td visibleFrom="sm">
            {r.fieldsShown.length ? r.fieldsShown.map(field).join(', ') : t('people.reads.none')}
          </Table.Td>
        </Table.Tr>
      ))}
    </TableSection>
  );
}

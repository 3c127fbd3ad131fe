/** The parts of the review queue: the comparison of two records, the decision buttons and dialogs. */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  CloseButton,
  Group,
  Modal,
  Paper,
  Radio,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { formatDate, formatNumber } from '../../components/ui/format';
import { PageLoader } from '../../components/ui/PageLoader';
import { currentLocale } from '../../i18n';
import { ConfirmModal } from '../admin/components';
import { type DuplicatePair, type PairPerson, type PairStatus, reviewApi } from './api';

export const pairsKey = ['duplicate-pairs'] as const;
export const pairKey = (id: string) => ['duplicate-pair', id] as const;

const CONFLICTS = new Set(['nationalIdConflict', 'dobConflict', 'sexConflict']);

/**
 * The reasons of a pair, as the matcher gave them, in words: evidence for one person, then what
 * speaks against (set in bold, since the words alone already say "different").
 */
export function ReasonList({ pair }: { pair: DuplicatePair }) {
  return (
    <ul className="plain-list" data-testid="review-reasons">
      {pair.reasons.map((r) => (
        <Text
          component="li"
          key={r.code}
          size="sm"
          fw={CONFLICTS.has(r.code) ? 700 : 400}
          data-reason={r.code}
        >
          {r.text}
        </Text>
      ))}
    </ul>
  );
}

export function StatusBadge({ status }: { status: PairStatus }) {
  const { t } = useTranslation();
  const color = status === 'open' ? 'blue' : status === 'merged' ? 'green' : 'gray';
  return (
    <Badge
      variant="light"
      color={color}
      className="status-badge"
      data-testid="review-pair-status"
      data-status={status}
    >
      {t(`review.status.${status}`)}
    </Badge>
  );
}

/** Name, birth date and province of a record, as one cell of the queue. */
export function PersonCell({ person }: { person: PairPerson }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const details = [
    person.dateOfBirth ? formatDate(person.dateOfBirth, locale) : null,
    person.province?.name,
  ].filter(Boolean);
  return (
    <Stack gap={2}>
      <Text fw={600} size="sm">
        {person.fullName}
      </Text>
      {details.length > 0 && (
        <Text size="xs" c="dimmed">
          {details.join(' · ')}
        </Text>
      )}
      {person.hasAccount && (
        <Text size="xs" c="dimmed">
          {t('review.merge.hasAccount')}
        </Text>
      )}
    </Stack>
  );
}

type Compared = 'same' | 'different' | null;

/** Both records side by side, then what may be decided about them. */
export function ComparePanel({ pairId, onClose }: { pairId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const heading = useRef<HTMLHeadingElement>(null);
  const query = useQuery({ queryKey: [...pairKey(pairId), locale], queryFn: () => reviewApi.get(pairId) });

  // The panel takes the focus when it opens, so the keyboard and screen readers follow.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a newly opened pair moves the focus
  useEffect(() => {
    heading.current?.focus();
  }, [pairId, query.isSuccess]);

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-labelledby="review-compare-title"
      data-testid="review-compare"
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="sm">
        <Title order={2} size="h3" id="review-compare-title" ref={heading} tabIndex={-1}>
          {t('review.compare.title')}
        </Title>
        <CloseButton
          aria-label={t('review.compare.close')}
          onClick={onClose}
          data-testid="review-compare-close"
        />
      </Group>
      <ErrorAlert error={query.error} />
      {query.isPending ? <PageLoader /> : query.data ? <Comparison pair={query.data} /> : null}
    </Paper>
  );
}

function Comparison({ pair }: { pair: DuplicatePair }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { a, b } = pair;
  const has = (code: string) => pair.reasons.some((r) => r.code === code);
  const plain = (x: string | null, y: string | null): Compared =>
    x === null || y === null ? null : x === y ? 'same' : 'different';
  const contact = (x: string | null, y: string | null, reason: string): Compared =>
    has(reason) ? 'same' : x !== null && y !== null && x !== y ? 'different' : null;
  const missing = t('review.compare.missing');
  const date = (v: string | null) => (v ? formatDate(v, locale) : missing);
  const yesNo = (v: boolean) => (v ? t('review.compare.yes') : t('review.compare.no'));
  const count = (v: number) => formatNumber(v, locale);

  const rows: { key: string; show: (p: PairPerson) => ReactNode; compared?: Compared }[] = [
    {
      key: 'fullName',
      show: (p) => p.fullName,
      // Spellings differ where the names do not (accents, order): the matcher's comparison decides.
      compared:
        pair.nameMatch.code === 'same' ? 'same' : pair.nameMatch.code === 'different' ? 'different' : null,
    },
    { key: 'sex', show: (p) => (p.sex ? t(`review.sex.${p.sex}`) : missing), compared: plain(a.sex, b.sex) },
    { key: 'dateOfBirth', show: (p) => date(p.dateOfBirth), compared: plain(a.dateOfBirth, b.dateOfBirth) },
    {
      key: 'province',
      show: (p) => p.province?.name ?? missing,
      compared: plain(a.province?.code ?? null, b.province?.code ?? null),
    },
    { key: 'phone', show: (p) => p.phone ?? missing, compared: contact(a.phone, b.phone, 'phone') },
    { key: 'email', show: (p) => p.email ?? missing, compared: contact(a.email, b.email, 'email') },
    {
      key: 'nationalId',
      show: (p) => (p.hasNationalId ? t('review.compare.held') : t('review.compare.notHeld')),
      compared: has('nationalId') ? 'same' : has('nationalIdConflict') ? 'different' : null,
    },
    { key: 'account', show: (p) => yesNo(p.hasAccount) },
    { key: 'organisations', show: (p) => (p.organisations.length ? p.organisations.join(', ') : missing) },
    { key: 'enrolments', show: (p) => count(p.enrolments) },
    { key: 'certificates', show: (p) => count(p.certificates) },
    { key: 'createdAt', show: (p) => date(p.createdAt) },
  ];

  return (
    <Stack gap="md">
      <Group gap="sm" wrap="wrap">
        <StatusBadge status={pair.status} />
        <Text fw={600} data-testid="review-score">
          {t('review.compare.score', { score: formatNumber(pair.score, locale) })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('review.compare.scoreHelp')}
        </Text>
      </Group>
      <div>
        <Text fw={600} size="sm" mb={4}>
          {t('review.compare.reasons')}
        </Text>
        <ReasonList pair={pair} />
        <Text size="sm" c="dimmed" data-testid="review-name-match">
          {pair.nameMatch.text}
        </Text>
      </div>
      <div className="table-scroll">
        <Table verticalSpacing="xs" withTableBorder data-testid="review-compare-table">
          <Table.Caption className="visually-hidden">{t('review.compare.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('review.compare.field')}</Table.Th>
              {[a, b].map((p) => (
                <Table.Th scope="col" key={p.id}>
                  <PersonHeading person={p} />
                </Table.Th>
              ))}
              <Table.Th scope="col">{t('review.compare.compared')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key} data-field={row.key}>
                <Table.Th scope="row" fw={500}>
                  {t(`review.compare.fields.${row.key}` as 'review.compare.fields.fullName')}
                </Table.Th>
                <Table.Td data-testid={`review-a-${row.key}`}>{row.show(a)}</Table.Td>
                <Table.Td data-testid={`review-b-${row.key}`}>{row.show(b)}</Table.Td>
                <Table.Td>
                  {row.compared && (
                    <Text size="sm" fw={row.compared === 'different' ? 700 : 400}>
                      {t(`review.compare.${row.compared}`)}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <Decision pair={pair} />
    </Stack>
  );
}

function PersonHeading({ person }: { person: PairPerson }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text fw={700} size="sm">
        {person.fullName}
      </Text>
      {person.mergedInto && (
        <Text size="xs" c="dimmed" fw={400}>
          {t('review.compare.mergedInto')}
        </Text>
      )}
      {person.erased && (
        <Text size="xs" c="dimmed" fw={400}>
          {t('review.compare.erased')}
        </Text>
      )}
      {!person.mergedInto && !person.erased && (
        <Anchor component={Link} to={`/people/${person.id}`} size="xs" fw={400}>
          {t('review.compare.openPerson')}
          <span className="visually-hidden">: {person.fullName}</span>
        </Anchor>
      )}
    </Stack>
  );
}

type Dialog = 'merge' | 'notDuplicate' | 'undo' | null;

/** The buttons for what may be decided now, and their confirmation dialogs. */
function Decision({ pair }: { pair: DuplicatePair }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const twoAccounts = pair.a.hasAccount && pair.b.hasAccount;

  const done = async (message: string) => {
    setDialog(null);
    notifications.show({ color: 'green', message });
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: pairsKey }),
      queryClient.invalidateQueries({ queryKey: pairKey(pair.id) }),
    ]);
  };
  const failed = (error: unknown) =>
    notifications.show({
      color: 'red',
      message: error instanceof Error && error.message ? error.message : t('errors.unexpected'),
    });
  const decide = useMutation({
    mutationFn: (body: { decision: 'merge'; survivorId: string } | { decision: 'not_duplicate' }) =>
      reviewApi.decide(pair.id, body),
    onSuccess: (_, body) =>
      done(t(body.decision === 'merge' ? 'review.merge.done' : 'review.notDuplicate.done')),
    onError: failed,
  });
  const undo = useMutation({
    mutationFn: () => reviewApi.undo(pair.id),
    onSuccess: () => done(t('review.undo.done')),
    onError: failed,
  });
  const close = () => {
    if (decide.isPending || undo.isPending) return;
    decide.reset();
    undo.reset();
    setDialog(null);
  };

  const by = (name: string | null) => name ?? t('review.compare.someone');
  const kept = pair.merge ? (pair.merge.survivorId === pair.a.id ? pair.a : pair.b) : null;

  return (
    <Stack gap="sm" component="section" aria-label={t('review.actions.label')}>
      {pair.status === 'merged' && pair.merge && kept && (
        <Text size="sm" data-testid="review-merged-info">
          {t('review.compare.merged', {
            date: formatDate(pair.merge.mergedAt, locale),
            name: by(pair.merge.mergedByName),
            kept: kept.fullName,
          })}
        </Text>
      )}
      {pair.status === 'not_duplicate' && pair.decidedAt && (
        <Text size="sm">
          {t('review.compare.decided', {
            date: formatDate(pair.decidedAt, locale),
            name: by(pair.decidedByName),
          })}
        </Text>
      )}
      {pair.status === 'open' && twoAccounts && (
        <Alert color="orange" variant="light" data-testid="review-two-accounts">
          {t('review.actions.twoAccounts')}
        </Alert>
      )}
      {pair.status === 'merged' && pair.merge && !pair.merge.canUndo && (
        <Alert color="orange" variant="light">
          {t('review.actions.cannotUndo')}
        </Alert>
      )}
      <Group gap="sm" wrap="wrap">
        {pair.status === 'open' && (
          <>
            <Button onClick={() => setDialog('merge')} disabled={twoAccounts} data-testid="review-merge">
              {t('review.actions.merge')}
            </Button>
            <Button
              variant="default"
              onClick={() => setDialog('notDuplicate')}
              data-testid="review-not-duplicate"
            >
              {t('review.actions.notDuplicate')}
            </Button>
          </>
        )}
        {pair.status === 'merged' && pair.merge && (
          <Button
            variant="default"
            onClick={() => setDialog('undo')}
            disabled={!pair.merge.canUndo}
            data-testid="review-undo"
          >
            {t('review.actions.undo')}
          </Button>
        )}
      </Group>
      <MergeDialog
        pair={pair}
        opened={dialog === 'merge'}
        pending={decide.isPending}
        error={decide.error}
        onConfirm={(survivorId) => decide.mutate({ decision: 'merge', survivorId })}
        onClose={close}
      />
      <ConfirmModal
        opened={dialog === 'notDuplicate'}
        title={t('review.notDuplicate.title')}
        message={t('review.notDuplicate.text')}
        confirmLabel={t('review.notDuplicate.confirm')}
        loading={decide.isPending}
        error={decide.error}
        onConfirm={() => decide.mutate({ decision: 'not_duplicate' })}
        onClose={close}
      />
      <ConfirmModal
        opened={dialog === 'undo'}
        title={t('review.undo.title')}
        message={t('review.undo.text')}
        confirmLabel={t('review.undo.confirm')}
        loading={undo.isPending}
        error={undo.error}
        onConfirm={() => undo.mutate()}
        onClose={close}
      />
    </Stack>
  );
}

/** The record with an account stays by default (its owner signs in to it), else the fuller one. */
const defaultSurvivor = ({ a, b }: DuplicatePair) => {
  if (a.hasAccount !== b.hasAccount) return a.hasAccount ? a.id : b.id;
  return b.enrolments + b.certificates > a.enrolments + a.certificates ? b.id : a.id;
};

function MergeDialog({
  pair,
  opened,
  pending,
  error,
  onConfirm,
  onClose,
}: {
  pair: DuplicatePair;
  opened: boolean;
  pending: boolean;
  error: unknown;
  onConfirm: (survivorId: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [survivor, setSurvivor] = useState(() => defaultSurvivor(pair));
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('review.merge.title')}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close'), disabled: pending }}
      closeOnClickOutside={!pending}
      closeOnEscape={!pending}
    >
      <Stack gap="md" data-testid="review-merge-dialog">
        <Radio.Group label={t('review.merge.choose')} value={survivor} onChange={setSurvivor}>
          <Stack gap="sm" mt="xs">
            {[pair.a, pair.b].map((p) => (
              <Radio
                key={p.id}
                value={p.id}
                data-testid={`review-survivor-${p.id}`}
                label={t('review.merge.option', { name: p.fullName })}
                description={[
                  t('review.merge.optionDetails', {
                    enrolments: formatNumber(p.enrolments, locale),
                    certificates: formatNumber(p.certificates, locale),
                  }),
                  p.hasAccount ? t('review.merge.hasAccount') : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Text size="sm">{t('review.merge.what')}</Text>
        <ErrorAlert error={error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => onConfirm(survivor)} loading={pending} data-testid="review-merge-confirm">
            {t('review.merge.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

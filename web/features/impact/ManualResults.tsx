/**
 * The manual results of a program, under its dashboard: numbers the platform cannot see (a partner's
 * offline count), each clearly marked as manual with its status, note and evidence; NIC staff approve
 * or return the submitted ones, partners' administrators and NIC staff report new ones, and a
 * reporter corrects a returned one. Only approved ones count on the dashboard, beside the platform's
 * numbers. Notes are shown as text, never as HTML.
 */
import {
  Anchor,
  Badge,
  Button,
  CloseButton,
  FileInput,
  Group,
  List,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../api/client';
import { filesApi } from '../../api/endpoints';
import { EmptyState } from '../../components/ui/EmptyState';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { errorFor, hasErrors, missingFields, useFocusFirstInvalid } from '../../components/ui/form';
import { formatDateTime, formatNumber } from '../../components/ui/format';
import { PageLoader } from '../../components/ui/PageLoader';
import { Pager } from '../../components/ui/Pager';
import { currentLocale } from '../../i18n';
import { type Dashboard, impactApi, type ManualResult, type ManualResultList } from './api';

type Status = ManualResult['status'];
// Theme colours without a shade: the theme darkens the pale variants' text to reach WCAG AA (web/theme.ts).
const statusColor: Record<Status, string> = { submitted: 'blue', approved: 'teal', returned: 'red' };
const MAX_FILES = 5;
const pageSize = 10;

export function ManualResults({ code, d }: { code: string; d: Dashboard }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [status, setStatus] = useState<Status | ''>('');
  const [page, setPage] = useState(1);
  const [form, setForm] = useState<{ editing?: ManualResult } | null>(null);
  const [deciding, setDeciding] = useState<{ result: ManualResult; decision: 'approve' | 'return' } | null>(
    null,
  );
  const list = useQuery({
    queryKey: ['impact', 'manual', code, status, page, locale],
    queryFn: () => impactApi.manualResults(code, { status: status || undefined, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const headingId = 'manual-results-title';

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-labelledby={headingId}
      data-testid="manual-results"
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <div>
            <Title order={2} size="h3" id={headingId}>
              {t('impact.manual.title')}
            </Title>
            <Text size="sm" c="dimmed" maw={720}>
              {t('impact.manual.intro')}
            </Text>
          </div>
          {list.data?.canSubmit && (
            <Button onClick={() => setForm({})} data-testid="manual-report">
              {t('impact.manual.report')}
            </Button>
          )}
        </Group>
        <Select
          label={t('impact.manual.statusFilter')}
          data={[
            { value: '', label: t('impact.manual.allStatuses') },
            ...(['submitted', 'approved', 'returned'] as const).map((s) => ({
              value: s,
              label: t(`impact.manual.status.${s}`),
            })),
          ]}
          value={status}
          onChange={(v) => {
            setStatus((v ?? '') as Status | '');
            setPage(1);
          }}
          allowDeselect={false}
          maw={320}
          data-testid="manual-status"
        />
        {list.isPending ? (
          <PageLoader />
        ) : !list.data ? (
          <ErrorAlert error={list.error} />
        ) : (
          <>
            {list.data.canSubmit === false && (
              <Text size="xs" c="dimmed">
                {t('impact.manual.donorNote')}
              </Text>
            )}
            {list.data.items.length === 0 ? (
              <EmptyState message={t('impact.manual.empty')} />
            ) : (
              <Stack
                component="ul"
                gap="sm"
                style={{ listStyle: 'none', margin: 0, padding: 0 }}
                data-testid="manual-list"
              >
                {list.data.items.map((r) => (
                  <ResultItem
                    key={r.id}
                    r={r}
                    onDecide={(decision) => setDeciding({ result: r, decision })}
                    onEdit={() => setForm({ editing: r })}
                  />
                ))}
              </Stack>
            )}
            <Pager page={page} pageSize={pageSize} total={list.data.total} onChange={setPage} />
          </>
        )}
      </Stack>
      {form && list.data && (
        <ReportModal
          code={code}
          d={d}
          list={list.data}
          editing={form.editing}
          onClose={() => setForm(null)}
        />
      )}
      {deciding && (
        <DecisionModal
          code={code}
          result={deciding.result}
          decision={deciding.decision}
          onClose={() => setDeciding(null)}
        />
      )}
    </Paper>
  );
}

function usePeriodName() {
  const { t } = useTranslation();
  return (r: { year: number; quarter: number | null }) =>
    r.quarter ? `${r.year} ${t('impact.quarterN', { n: r.quarter })}` : String(r.year);
}

const kilobytes = (bytes: number, locale: ReturnType<typeof currentLocale>) =>
  formatNumber(Math.max(1, Math.ceil(bytes / 1024)), locale);

function ResultItem({
  r,
  onDecide,
  onEdit,
}: {
  r: ManualResult;
  onDecide: (decision: 'approve' | 'return') => void;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const period = usePeriodName();
  const value = formatNumber(r.value, locale);
  const who = (name: string | null) => name ?? t('impact.manual.formerAccount');
  const noteLabel =
    r.status === 'returned'
      ? t('impact.manual.returnNote')
      : r.status === 'submitted'
        ? t('impact.manual.earlierReturnNote')
        : t('impact.manual.approvalNote');
  return (
    <Paper component="li" withBorder radius="sm" p="sm" data-testid="manual-item" data-status={r.status}>
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Badge variant="outline" color="orange">
            {t('impact.manual.badge')}
          </Badge>
          <Badge variant="light" color={statusColor[r.status]} data-testid="manual-item-status">
            {t(`impact.manual.status.${r.status}`)}
          </Badge>
        </Group>
        <Text fw={600}>
          {r.indicator.name}: {t('impact.manual.valueLine', { value })}
        </Text>
        <Text size="sm">
          {period(r)} · {r.organisation?.name ?? t('impact.manual.nic')}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {r.note}
        </Text>
        <Text size="xs" c="dimmed">
          {t('impact.manual.reportedBy', {
            name: who(r.submittedBy),
            at: formatDateTime(r.submittedAt, locale),
          })}
          {r.decidedAt &&
            ` · ${t(r.status === 'approved' ? 'impact.manual.approvedBy' : 'impact.manual.returnedBy', {
              name: who(r.decidedBy),
              at: formatDateTime(r.decidedAt, locale),
            })}`}
        </Text>
        {r.decisionNote !== '' && (
          <Text
            size="sm"
            c={r.status === 'returned' ? 'red.9' : undefined}
            style={{ overflowWrap: 'anywhere' }}
          >
            <Text span fw={600} size="sm">
              {noteLabel}:
            </Text>{' '}
            {r.decisionNote}
          </Text>
        )}
        {r.files.length > 0 && (
          <div>
            <Text size="sm" fw={600}>
              {t('impact.manual.evidence')}
            </Text>
            <List size="sm" spacing={2}>
              {r.files.map((f) => (
                <List.Item key={f.id}>
                  <Anchor
                    href={`/api/files/${f.id}`}
                    target="_blank"
                    rel="noopener"
                    style={{ overflowWrap: 'anywhere' }}
                  >
                    {f.filename}
                  </Anchor>{' '}
                  <Text span size="xs" c="dimmed">
                    ({t('impact.manual.kb', { n: kilobytes(f.sizeBytes, locale) })})
                  </Text>
                </List.Item>
              ))}
            </List>
          </div>
        )}
        {(r.canDecide || r.canEdit) && (
          <Group gap="xs">
            {r.canDecide && (
              <>
                <Button
                  size="xs"
                  color="teal.9"
                  onClick={() => onDecide('approve')}
                  aria-label={t('impact.manual.approveFor', { name: r.indicator.name, value })}
                  data-testid="manual-approve"
                >
                  {t('impact.manual.approve')}
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => onDecide('return')}
                  aria-label={t('impact.manual.returnFor', { name: r.indicator.name, value })}
                  data-testid="manual-return"
                >
                  {t('impact.manual.return')}
                </Button>
              </>
            )}
            {r.canEdit && (
              <Button size="xs" variant="default" onClick={onEdit} data-testid="manual-edit">
                {t('impact.manual.edit')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function useInvalidate(code: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['impact', 'manual', code] }),
      client.invalidateQueries({ queryKey: ['impact', 'dashboard', code] }),
    ]);
}

function DecisionModal({
  code,
  result,
  decision,
  onClose,
}: {
  code: string;
  result: ManualResult;
  decision: 'approve' | 'return';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const period = usePeriodName();
  const invalidate = useInvalidate(code);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const decide = useMutation({
    mutationFn: () => impactApi.decideManualResult(result.id, { decision, note: note.trim() }),
    onSuccess: async () => {
      await invalidate();
      notifications.show({ color: 'green', message: t(`impact.manual.decided.${decision}`) });
      onClose();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const empty = decision === 'return' && note.trim() === '';
    setMissing(empty);
    if (!empty) decide.mutate();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t(`impact.manual.decisionTitle.${decision}`)}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            {result.indicator.name}:{' '}
            {t('impact.manual.valueLine', { value: formatNumber(result.value, locale) })} · {period(result)} ·{' '}
            {result.organisation?.name ?? t('impact.manual.nic')}
          </Text>
          <Textarea
            label={t('impact.manual.decisionNote')}
            description={t(
              decision === 'return'
                ? 'impact.manual.decisionNoteReturn'
                : 'impact.manual.decisionNoteApprove',
            )}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            required={decision === 'return'}
            maxLength={2000}
            autosize
            minRows={3}
            error={missing ? t('common.required') : fieldError(decide.error, 'note')}
            data-autofocus
            data-testid="manual-decision-note"
          />
          <ErrorAlert error={decide.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('impact.cancel')}
            </Button>
            <Button
              type="submit"
              loading={decide.isPending}
              color={decision === 'approve' ? 'teal.9' : 'red.9'}
              data-testid="manual-decision-confirm"
            >
              {t(`impact.manual.${decision}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

type Draft = {
  indicator: string | null;
  organisationId: string | null;
  year: string | null;
  quarter: string;
  value: number | string;
  note: string;
  files: { id: string; filename: string }[];
};

function ReportModal({
  code,
  d,
  list,
  editing,
  onClose,
}: {
  code: string;
  d: Dashboard;
  list: ManualResultList;
  editing?: ManualResult;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const invalidate = useInvalidate(code);
  const formRef = useRef<HTMLFormElement>(null);
  // NIC staff may report for one of the program's partners or for none; a partner for its own.
  const staff = d.canEditTargets;
  const indicators = d.cards
    .filter((c) => c.indicator.unit === 'count')
    .map((c) => ({ value: c.indicator.code, label: c.indicator.name }));
  const [draft, setDraft] = useState<Draft>(() => ({
    indicator: editing?.indicator.code ?? null,
    organisationId: editing?.organisation?.id ?? (staff ? null : (list.organisations[0]?.id ?? null)),
    year: editing ? String(editing.year) : d.period.year ? String(d.period.year) : null,
    quarter: editing?.quarter ? String(editing.quarter) : '',
    value: editing?.value ?? '',
    note: editing?.note ?? '',
    files: editing?.files.map((f) => ({ id: f.id, filename: f.filename })) ?? [],
  }));
  const [clientErrors, setClientErrors] = useState<Partial<Record<keyof Draft, string>>>({});
  const [attempt, setAttempt] = useState(0);
  useFocusFirstInvalid(formRef, attempt);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((x) => ({ ...x, [key]: value }));
    setClientErrors((e) => ({ ...e, [key]: undefined }));
  };

  const upload = useMutation({
    mutationFn: (file: File) =>
      filesApi.upload(file, staff ? undefined : (draft.organisationId ?? undefined)),
    onSuccess: (file) =>
      setDraft((x) => ({ ...x, files: [...x.files, { id: file.id, filename: file.filename }] })),
  });
  const save = useMutation({
    mutationFn: () => {
      const body = {
        indicator: draft.indicator ?? '',
        year: Number(draft.year),
        quarter: draft.quarter ? Number(draft.quarter) : null,
        value: Number(draft.value),
        note: draft.note,
        fileIds: draft.files.map((f) => f.id),
        ...(staff || list.organisations.length > 1 ? { organisationId: draft.organisationId } : {}),
      };
      return editing
        ? impactApi.resubmitManualResult(editing.id, body)
        : impactApi.submitManualResult(code, body);
    },
    onSuccess: async () => {
      await invalidate();
      notifications.show({ color: 'green', message: t('impact.manual.sent') });
      onClose();
    },
    onError: () => setAttempt((n) => n + 1),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors = missingFields(draft, ['indicator', 'year', 'value', 'note'], t('common.required'));
    if (!staff && list.organisations.length > 1 && !draft.organisationId)
      errors.organisationId = t('common.required');
    setClientErrors(errors);
    if (hasErrors(errors)) {
      setAttempt((n) => n + 1);
      return;
    }
    save.mutate();
  };
  const fileError = draft.files
    .map((_, i) => fieldError(save.error, `fileIds/${i}`))
    .find((m) => m !== undefined);
  const showOrganisation = staff || list.organisations.length > 1;

  return (
    <Modal
      opened
      onClose={onClose}
      title={editing ? t('impact.manual.editTitle') : t('impact.manual.reportTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="lg"
    >
      <form ref={formRef} onSubmit={submit} noValidate data-testid="manual-form">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('impact.manual.formIntro')}
          </Text>
          {editing && editing.decisionNote !== '' && (
            <Text size="sm" c="red.9" style={{ overflowWrap: 'anywhere' }}>
              <Text span fw={600} size="sm">
                {t('impact.manual.returnNote')}:
              </Text>{' '}
              {editing.decisionNote}
            </Text>
          )}
          <Select
            label={t('impact.manual.indicator')}
            description={t('impact.manual.indicatorHint')}
            data={indicators}
            value={draft.indicator}
            onChange={(v) => set('indicator', v)}
            required
            allowDeselect={false}
            error={errorFor(clientErrors, save.error, 'indicator')}
            data-autofocus
            data-testid="manual-indicator"
          />
          {showOrganisation && (
            <Select
              label={t('impact.manual.organisation')}
              data={[
                ...(staff ? [{ value: '', label: t('impact.manual.nic') }] : []),
                ...list.organisations.map((o) => ({ value: o.id, label: o.name })),
              ]}
              value={draft.organisationId ?? ''}
              onChange={(v) => set('organisationId', v || null)}
              required={!staff}
              allowDeselect={false}
              error={errorFor(clientErrors, save.error, 'organisationId')}
              data-testid="manual-organisation"
            />
          )}
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <Select
              label={t('impact.year')}
              data={d.years.map((y) => ({ value: String(y), label: String(y) }))}
              value={draft.year}
              onChange={(v) => set('year', v)}
              required
              allowDeselect={false}
              error={errorFor(clientErrors, save.error, 'year')}
              data-testid="manual-year"
            />
            <Select
              label={t('impact.quarter')}
              data={[
                { value: '', label: t('impact.wholeYear') },
                ...[1, 2, 3, 4].map((q) => ({ value: String(q), label: t('impact.quarterN', { n: q }) })),
              ]}
              value={draft.quarter}
              onChange={(v) => set('quarter', v ?? '')}
              allowDeselect={false}
              error={fieldError(save.error, 'quarter')}
            />
            <NumberInput
              label={t('impact.manual.value')}
              value={draft.value}
              onChange={(v) => set('value', v)}
              min={0}
              max={10_000_000}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator={currentLocale() === 'vi' ? '.' : ','}
              decimalSeparator={currentLocale() === 'vi' ? ',' : '.'}
              required
              error={errorFor(clientErrors, save.error, 'value')}
              data-testid="manual-value"
            />
          </SimpleGrid>
          <Textarea
            label={t('impact.manual.note')}
            description={t('impact.manual.noteHint')}
            value={draft.note}
            onChange={(e) => set('note', e.currentTarget.value)}
            required
            maxLength={2000}
            autosize
            minRows={3}
            error={errorFor(clientErrors, save.error, 'note')}
            data-testid="manual-note"
          />
          <div>
            <FileInput
              label={t('impact.manual.evidence')}
              description={t('impact.manual.evidenceHint', { n: MAX_FILES })}
              placeholder={t('impact.manual.chooseFile')}
              // Mantine's placeholder grey is too light on white for WCAG AA.
              styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
              onChange={(file) => file && upload.mutate(file)}
              value={null}
              disabled={upload.isPending || draft.files.length >= MAX_FILES}
              error={fileError}
              data-testid="manual-file"
            />
            {upload.isPending && (
              <Text size="sm" aria-live="polite">
                {t('impact.manual.uploading')}
              </Text>
            )}
            <ErrorAlert error={upload.error} />
            {draft.files.length > 0 && (
              <List size="sm" spacing={2} mt="xs" data-testid="manual-files">
                {draft.files.map((f) => (
                  <List.Item key={f.id}>
                    <Group gap={4} wrap="nowrap">
                      <Text span size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {f.filename}
                      </Text>
                      <CloseButton
                        size="sm"
                        aria-label={t('impact.manual.removeFile', { name: f.filename })}
                        onClick={() =>
                          set(
                            'files',
                            draft.files.filter((x) => x.id !== f.id),
                          )
                        }
                      />
                    </Group>
                  </List.Item>
                ))}
              </List>
            )}
          </div>
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('impact.cancel')}
            </Button>
            <Button
              type="submit"
              loading={save.isPending}
              disabled={upload.isPending}
              data-testid="manual-submit"
            >
              {t('impact.manual.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

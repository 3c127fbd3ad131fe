/**
 * The pieces of the roster import page: the file picker with its drop zone, the upload progress, the
 * preview of a checked file (counts, file problems, row problems), the commit dialog and its result,
 * and the history of imports. State lives in RosterImportPage; these only show it and report choices.
 */
import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  FileButton,
  Group,
  List,
  Loader,
  Modal,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { type DragEvent, type ReactNode, type Ref, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../common/i18n/locales';
import { registryApi } from '../../api/endpoints';
import type {
  CommitProgress,
  RosterImport,
  RosterImportDetail,
  RosterImportMode,
  RosterImportStatus,
  RosterProblem,
} from '../../api/types';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { formatDateTime, formatNumber } from '../../components/ui/format';
import { Pager } from '../../components/ui/Pager';
import { currentLocale } from '../../i18n';

/** Largest roster the server accepts (registry contract: MAX_ROSTER_BYTES). */
export const MAX_ROSTER_BYTES = 64 * 1024 * 1024;
const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Row problems shown per page: a file can have thousands. */
const PROBLEMS_PER_PAGE = 50;

/** The roster's columns, as the server names them in a problem (server/modules/registry/roster/columns.ts). */
const rosterColumns = [
  'full_name',
  'sex',
  'date_of_birth',
  'national_id',
  'phone',
  'email',
  'province',
  'commune',
  'disability',
  'cohort_code',
  'role',
  'status',
  'completed_on',
] as const;
type RosterColumn = (typeof rosterColumns)[number];
const isRosterColumn = (v: string | null): v is RosterColumn => rosterColumns.includes(v as RosterColumn);

const n = (value: number, locale: Locale) => formatNumber(value, locale);

export function formatSize(bytes: number, locale: Locale) {
  const mb = bytes >= 1024 * 1024;
  return formatNumber(bytes / (mb ? 1024 * 1024 : 1024), locale, {
    style: 'unit',
    unit: mb ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: 1,
  });
}

/** Why a file cannot be sent, before sending it: the translation key and its values, or null. */
export function fileRefusal(file: File) {
  if (!/\.(csv|xlsx)$/i.test(file.name)) return { key: 'roster.upload.wrongType' as const };
  if (file.size === 0) return { key: 'roster.upload.empty' as const };
  if (file.size > MAX_ROSTER_BYTES) return { key: 'roster.upload.tooLarge' as const };
  return null;
}

/** A title that receives focus when its panel appears, so keyboard and screen reader users follow. */
function PanelTitle({
  children,
  titleRef,
  id,
}: {
  children: ReactNode;
  titleRef?: Ref<HTMLHeadingElement>;
  id: string;
}) {
  return (
    <Title order={2} size="h3" id={id} ref={titleRef} tabIndex={-1} style={{ outline: 'none' }}>
      {children}
    </Title>
  );
}

/** The file picker: a button (keyboard) and a drop zone (mouse) around it. */
export function FilePicker({
  file,
  refusal,
  disabled,
  onPick,
  onSubmit,
}: {
  file: File | null;
  refusal: string | null;
  disabled: boolean;
  onPick: (file: File | null) => void;
  onSubmit: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [dragging, setDragging] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (!disabled) onPick(e.dataTransfer.files[0] ?? null);
  };
  const onDragOver = (e: DragEvent) => {
    e.preventDefault();
    if (!disabled) setDragging(true);
  };
  return (
    <Stack gap="sm">
      <Paper
        radius="md"
        p="lg"
        onDragOver={onDragOver}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="roster-drop-zone"
        style={{
          border: `2px dashed var(--mantine-color-${dragging ? 'blue-6' : 'gray-5'})`,
          background: dragging ? 'var(--mantine-color-blue-0)' : 'var(--mantine-color-gray-0)',
        }}
      >
        <Stack align="center" gap="xs">
          <Group gap="xs" justify="center">
            <Text>{t('roster.upload.drop')}</Text>
            <FileButton
              onChange={onPick}
              accept={ACCEPT}
              disabled={disabled}
              inputProps={{ 'data-testid': 'roster-file-input' } as object}
            >
              {(props) => (
                <Button {...props} variant={file ? 'default' : 'filled'} data-testid="roster-choose">
                  {file ? t('roster.upload.change') : t('roster.upload.choose')}
                </Button>
              )}
            </FileButton>
          </Group>
          <Text size="sm" c="dimmed" ta="center">
            {t('roster.upload.accepted', { max: n(MAX_ROSTER_BYTES / 1024 / 1024, locale) })}
          </Text>
        </Stack>
      </Paper>
      {refusal && (
        <Text c="red.8" size="sm" role="alert" data-testid="roster-refusal">
          {refusal}
        </Text>
      )}
      {file && !refusal && (
        <Group justify="space-between" gap="sm" wrap="wrap">
          <div style={{ minWidth: 0 }}>
            <Text size="sm" c="dimmed">
              {t('roster.upload.selected')}
            </Text>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }} data-testid="roster-file-name">
              {file.name}{' '}
              <Text span c="dimmed" fw={400} size="sm" className="nowrap">
                ({formatSize(file.size, locale)})
              </Text>
            </Text>
          </div>
          <Button onClick={onSubmit} disabled={disabled} data-testid="roster-upload">
            {t('roster.upload.submit')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** Bytes sent (a real bar), then the server's check of every row (no end known). */
export function UploadProgress({
  file,
  percent,
  checking,
  onCancel,
}: {
  file: File;
  percent: number;
  checking: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const label = checking
    ? t('roster.upload.checking')
    : t('roster.upload.uploading', { percent: formatNumber(percent / 100, locale, { style: 'percent' }) });
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      data-testid="roster-progress"
      data-state={checking ? 'checking' : 'sending'}
    >
      <Stack gap="sm">
        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
          {file.name}{' '}
          <Text span c="dimmed" fw={400} size="sm" className="nowrap">
            ({formatSize(file.size, locale)})
          </Text>
        </Text>
        <Progress.Root size="lg" radius="xl">
          {checking ? (
            <Progress.Section value={100} animated withAria={false} />
          ) : (
            <Progress.Section value={percent} aria-label={t('roster.upload.progress')} />
          )}
        </Progress.Root>
        <Group justify="space-between" gap="sm">
          <Group gap="xs" role="status" aria-live="polite">
            {checking && <Loader size="xs" />}
            <Text size="sm">{label}</Text>
          </Group>
          {!checking && (
            <Button
              variant="subtle"
              color="gray"
              size="xs"
              onClick={onCancel}
              data-testid="roster-upload-cancel"
            >
              {t('roster.upload.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

function Count({
  label,
  value,
  color,
  testId,
}: {
  label: string;
  value: number;
  color?: string;
  testId: string;
}) {
  const locale = currentLocale();
  return (
    <Paper withBorder radius="md" p="sm" data-testid={testId} data-value={value}>
      <Text className="fact-value" c={color} size="xl">
        {n(value, locale)}
      </Text>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
    </Paper>
  );
}

function ProblemList({ problems }: { problems: RosterProblem[] }) {
  if (problems.length === 1) return <Text size="sm">{problems[0]!.message}</Text>;
  return (
    <List size="sm" spacing={4}>
      {problems.map((p, i) => (
        // Problems have no id; their order is the server's and never changes.
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list
        <List.Item key={i}>{p.message}</List.Item>
      ))}
    </List>
  );
}

/** The problems of the file as a whole: errors (nothing can be imported), then warnings. */
function FileProblems({ problems }: { problems: RosterProblem[] }) {
  const { t } = useTranslation();
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  return (
    <>
      {errors.length > 0 && (
        <Alert
          color="red"
          variant="light"
          title={t('roster.preview.fileErrors')}
          data-testid="roster-file-errors"
        >
          <ProblemList problems={errors} />
        </Alert>
      )}
      {warnings.length > 0 && (
        <Alert
          color="yellow"
          variant="light"
          title={t('roster.preview.fileWarnings')}
          data-testid="roster-file-warnings"
        >
          <ProblemList problems={warnings} />
        </Alert>
      )}
    </>
  );
}

function ColumnName({ column }: { column: string | null }) {
  const { t } = useTranslation();
  if (!column) return <span aria-hidden="true">—</span>;
  return <>{isRosterColumn(column) ? t(`roster.columns.${column}`) : column}</>;
}

/** The row problems, a page at a time (up to 5,000 of them). */
function ProblemsTable({ detail }: { detail: RosterImportDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [page, setPage] = useState(1);
  const shown = detail.problems.slice((page - 1) * PROBLEMS_PER_PAGE, page * PROBLEMS_PER_PAGE);
  return (
    <Stack gap="sm">
      <Title order={3} size="h4" id="roster-problems">
        {t('roster.preview.problems')}
      </Title>
      <div className="table-scroll">
        <Table striped verticalSpacing="xs" aria-labelledby="roster-problems" data-testid="roster-problems">
          <caption className="visually-hidden">
            {t('roster.preview.caption', { name: detail.fileName })}
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" className="nowrap">
                {t('roster.preview.row')}
              </Table.Th>
              <Table.Th scope="col">{t('roster.preview.column')}</Table.Th>
              <Table.Th scope="col">{t('roster.preview.problem')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((p, i) => (
              <Table.Tr
                // Several problems can share a row and a column; the position in the list is stable.
                // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list
                key={`${page}-${i}`}
                data-testid="roster-problem"
                data-row={p.row ?? ''}
                data-column={p.column ?? ''}
              >
                <Table.Td className="nowrap">{p.row === null ? '—' : n(p.row, locale)}</Table.Td>
                <Table.Td>
                  <ColumnName column={p.column} />
                </Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{p.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <Pager page={page} pageSize={PROBLEMS_PER_PAGE} total={detail.problems.length} onChange={setPage} />
      {detail.problemsOmitted > 0 && (
        <Text size="sm" c="dimmed" data-testid="roster-problems-omitted">
          {t('roster.preview.omitted', {
            count: detail.problemsOmitted,
            n: n(detail.problemsOmitted, locale),
          })}
        </Text>
      )}
    </Stack>
  );
}

/** A checked file: its counts and problems, and what can be done with it. */
export function PreviewPanel({
  detail,
  titleRef,
  onCommit,
  onCancel,
}: {
  detail: RosterImportDetail;
  titleRef: Ref<HTMLHeadingElement>;
  onCommit: (mode: RosterImportMode) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const previewed = detail.status === 'previewed';
  const canImportAll = previewed && detail.rowsRejected === 0 && detail.rowsValid > 0;
  const hintId = 'roster-import-all-hint';
  return (
    <Paper withBorder radius="md" p="md" data-testid="roster-preview" data-status={detail.status}>
      <Stack gap="md">
        <div>
          <PanelTitle id="roster-preview-title" titleRef={titleRef}>
            {t('roster.preview.title')}
          </PanelTitle>
          <Text c="dimmed" size="sm" style={{ overflowWrap: 'anywhere' }}>
            {t('roster.preview.file', { name: detail.fileName })}
          </Text>
        </div>
        {detail.status !== 'failed' && (
          <SimpleGrid cols={3} spacing="xs">
            <Count label={t('roster.preview.total')} value={detail.rowsTotal} testId="roster-count-total" />
            <Count
              label={t('roster.preview.valid')}
              value={detail.rowsValid}
              color="green.9"
              testId="roster-count-valid"
            />
            <Count
              label={t('roster.preview.rejected')}
              value={detail.rowsRejected}
              color={detail.rowsRejected ? 'red.8' : undefined}
              testId="roster-count-rejected"
            />
          </SimpleGrid>
        )}
        <FileProblems problems={detail.fileProblems} />
        {detail.status === 'committed' && (
          <Alert color="blue" variant="light">
            {t('roster.preview.committed')}
          </Alert>
        )}
        {previewed && detail.problems.length === 0 && detail.problemsOmitted === 0 && (
          <Text c="green.9" fw={600}>
            {t('roster.preview.allValid')}
          </Text>
        )}
        {detail.problems.length > 0 && <ProblemsTable detail={detail} />}
        {previewed && detail.rowsRejected > 0 && (
          <Stack gap={4}>
            <Group gap="xs" wrap="wrap">
              {(['xlsx', 'csv'] as const).map((format) => (
                <Button
                  key={format}
                  component="a"
                  href={registryApi.rejectedUrl(detail.id, format)}
                  download
                  variant="light"
                  size="sm"
                  data-testid={`roster-rejected-${format}`}
                >
                  {t('roster.preview.downloadRejected', { ext: `.${format}` })}
                </Button>
              ))}
            </Group>
            <Text size="sm" c="dimmed">
              {t('roster.preview.downloadHint')}
            </Text>
          </Stack>
        )}
        <Group gap="sm" wrap="wrap">
          {previewed && (
            <Button
              onClick={() => onCommit('all')}
              disabled={!canImportAll}
              aria-describedby={canImportAll || detail.rowsValid === 0 ? undefined : hintId}
              data-testid="roster-import-all"
            >
              {t('roster.preview.importAll')}
            </Button>
          )}
          {previewed && detail.rowsValid > 0 && detail.rowsRejected > 0 && (
            <Button variant="outline" onClick={() => onCommit('valid')} data-testid="roster-import-valid">
              {t('roster.preview.importValid', { count: detail.rowsValid, n: n(detail.rowsValid, locale) })}
            </Button>
          )}
          <Button variant="default" onClick={onCancel} data-testid="roster-cancel">
            {t('roster.preview.cancel')}
          </Button>
        </Group>
        {previewed && detail.rowsRejected > 0 && detail.rowsValid > 0 && (
          <Text size="sm" c="dimmed" id={hintId}>
            {t('roster.preview.importAllHint')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** "Are you sure?": what the import will do, then its progress, phase by phase, while it runs. */
export function ConfirmCommitModal({
  detail,
  mode,
  pending,
  progress,
  error,
  onConfirm,
  onClose,
}: {
  detail: RosterImportDetail;
  mode: RosterImportMode | null;
  pending: boolean;
  /** The last progress line of the running commit, if one came. */
  progress: CommitProgress | null;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const rows = mode === 'all' ? detail.rowsTotal : detail.rowsValid;
  return (
    <Modal
      opened={mode !== null}
      onClose={() => !pending && onClose()}
      title={t('roster.confirm.title')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close'), disabled: pending }}
      closeOnClickOutside={!pending}
      closeOnEscape={!pending}
    >
      <Stack gap="sm" data-testid="roster-confirm">
        <Text>
          {mode === 'all'
            ? t('roster.confirm.all', { count: rows, n: n(rows, locale), file: detail.fileName })
            : t('roster.confirm.valid', {
                count: rows,
                n: n(rows, locale),
                rejected: n(detail.rowsRejected, locale),
                file: detail.fileName,
              })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('roster.confirm.what')}
        </Text>
        <ErrorAlert error={error} />
        {pending && <CommitProgressBar progress={progress} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button onClick={onConfirm} loading={pending} data-autofocus data-testid="roster-confirm-submit">
            {t('roster.confirm.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * Where a running commit is: the phase in words with its rows, and a bar over the three phases
 * (checking the file again, matching people, writing), so it moves from start to end once.
 */
const commitPhases: readonly CommitProgress['phase'][] = ['checking', 'matching', 'writing'];

function CommitProgressBar({ progress }: { progress: CommitProgress | null }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const phase = progress?.phase ?? 'checking';
  const share = progress && progress.total > 0 ? progress.done / progress.total : 0;
  const percent = Math.round(((commitPhases.indexOf(phase) + share) / commitPhases.length) * 100);
  const label = progress
    ? t(`roster.confirm.phase.${phase}`, { done: n(progress.done, locale), total: n(progress.total, locale) })
    : t('roster.confirm.committing');
  return (
    <Stack gap={6} data-testid="roster-committing" data-phase={phase}>
      <Progress.Root size="lg" radius="xl">
        <Progress.Section value={percent} aria-label={t('roster.confirm.progress')} animated />
      </Progress.Root>
      <Group gap="xs" role="status" aria-live="polite">
        <Loader size="xs" />
        <Text size="sm">{label}</Text>
      </Group>
    </Stack>
  );
}

/** What a commit did. */
export function ResultPanel({
  result,
  titleRef,
  onAnother,
}: {
  result: RosterImport;
  titleRef: Ref<HTMLHeadingElement>;
  onAnother: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" data-testid="roster-result">
      <Stack gap="md">
        <PanelTitle id="roster-result-title" titleRef={titleRef}>
          {t('roster.result.title', { file: result.fileName })}
        </PanelTitle>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
          <Count
            label={t('roster.result.created')}
            value={result.peopleCreated}
            testId="roster-result-created"
          />
          <Count
            label={t('roster.result.matched')}
            value={result.peopleMatched}
            testId="roster-result-matched"
          />
          <Count
            label={t('roster.result.enrolments')}
            value={result.enrolmentsCreated}
            testId="roster-result-enrolments"
          />
          <Count
            label={t('roster.result.pairs')}
            value={result.pairsQueued}
            color={result.pairsQueued ? 'orange.9' : undefined}
            testId="roster-result-pairs"
          />
        </SimpleGrid>
        {result.pairsQueued > 0 && (
          <Text size="sm" c="dimmed">
            {t('roster.result.pairsHint')}
          </Text>
        )}
        <Group>
          <Button onClick={onAnother} data-testid="roster-another">
            {t('roster.result.another')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

const statusColors: Record<RosterImportStatus, string> = {
  previewed: 'blue',
  committed: 'green',
  failed: 'red',
};

export function ImportStatusBadge({ status }: { status: RosterImportStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColors[status]} variant="light" tt="none" className="status-badge">
      {t(`roster.status.${status}`)}
    </Badge>
  );
}

function Counts({ imp }: { imp: RosterImport }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <>
      <Text size="sm">
        {t('roster.history.rowsSummary', {
          total: n(imp.rowsTotal, locale),
          valid: n(imp.rowsValid, locale),
          rejected: n(imp.rowsRejected, locale),
        })}
      </Text>
      {imp.status === 'committed' && (
        <Text size="sm" c="dimmed">
          {t('roster.history.resultSummary', {
            created: n(imp.peopleCreated, locale),
            matched: n(imp.peopleMatched, locale),
            enrolments: n(imp.enrolmentsCreated, locale),
          })}
        </Text>
      )}
    </>
  );
}

/** The organisation's imports, newest first; one still previewed opens again to be imported. */
export function HistoryTable({
  items,
  onOpen,
}: {
  items: RosterImport[];
  onOpen: (imp: RosterImport) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <div className="table-scroll">
      <Table striped highlightOnHover verticalSpacing="sm" data-testid="roster-history">
        <caption className="visually-hidden">{t('roster.history.caption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" className="nowrap">
              {t('roster.history.date')}
            </Table.Th>
            <Table.Th scope="col">{t('roster.history.file')}</Table.Th>
            <Table.Th scope="col" visibleFrom="sm">
              {t('roster.history.by')}
            </Table.Th>
            <Table.Th scope="col" visibleFrom="sm">
              {t('roster.history.status')}
            </Table.Th>
            <Table.Th scope="col" visibleFrom="sm">
              {t('roster.history.rows')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((imp) => {
            const opens = imp.status === 'previewed';
            return (
              <Table.Tr
                key={imp.id}
                data-testid="roster-history-row"
                data-status={imp.status}
                data-id={imp.id}
                // The whole row answers a click; the file name is the button for the keyboard.
                onClick={opens ? () => onOpen(imp) : undefined}
                style={opens ? { cursor: 'pointer' } : undefined}
              >
                <Table.Td className="nowrap">
                  <time dateTime={imp.createdAt}>{formatDateTime(imp.createdAt, locale)}</time>
                </Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  {opens ? (
                    <Anchor
                      component="button"
                      type="button"
                      fw={600}
                      ta="left"
                      onClick={(e) => {
                        e.stopPropagation();
                        onOpen(imp);
                      }}
                      data-testid="roster-history-open"
                    >
                      {imp.fileName}
                      <span className="visually-hidden"> — {t('roster.history.open')}</span>
                    </Anchor>
                  ) : (
                    <Text fw={600} size="sm">
                      {imp.fileName}
                    </Text>
                  )}
                  {/* On a phone the row is stacked: who, status and counts under the file name. */}
                  <Box hiddenFrom="sm">
                    {imp.createdByName && (
                      <Text size="xs" c="dimmed">
                        {imp.createdByName}
                      </Text>
                    )}
                    <Box my={4}>
                      <ImportStatusBadge status={imp.status} />
                    </Box>
                    <Counts imp={imp} />
                  </Box>
                </Table.Td>
                <Table.Td visibleFrom="sm">{imp.createdByName ?? '—'}</Table.Td>
                <Table.Td visibleFrom="sm">
                  <ImportStatusBadge status={imp.status} />
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <Counts imp={imp} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </div>
  );
}

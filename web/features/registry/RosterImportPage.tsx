/**
 * Roster import (/teach/rosters), for a training partner's administrators and the platform's: download
 * the template, upload a roster (CSV or XLSX) with a progress bar, read the server's check of every row,
 * import all rows or only the valid ones, download the rejected rows to fix and upload again, and look
 * back at earlier imports (one still awaiting import opens again). The server decides who may do what
 * (server/modules/registry/policy.ts) and checks every row; this page shows what it says.
 */
import './styles';
import { Anchor, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { registryApi } from '../../api/endpoints';
import type { CommitProgress, RosterImport, RosterImportDetail, RosterImportMode } from '../../api/types';
import { EmptyState } from '../../components/ui/EmptyState';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { formatNumber } from '../../components/ui/format';
import { PageLoader } from '../../components/ui/PageLoader';
import { Pager } from '../../components/ui/Pager';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { currentLocale } from '../../i18n';
import { OrganisationSelect } from '../admin/components';
import { useListParams } from '../admin/hooks';
import { isPlatformAdmin, teachingOrganisations } from '../auth/access';
import { useMe } from '../auth/hooks';
import {
  ConfirmCommitModal,
  FilePicker,
  fileRefusal,
  HistoryTable,
  MAX_ROSTER_BYTES,
  PreviewPanel,
  ResultPanel,
  UploadProgress,
} from './components';

const HISTORY_PAGE_SIZE = 10;
const historyKey = (orgId: string) => ['roster-imports', orgId] as const;

export function RosterImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('roster.title'));
  const { me } = useMe();
  const managed = teachingOrganisations(me).filter((o) => o.manages);
  const admin = isPlatformAdmin(me);
  const { get, update } = useListParams<'org'>();
  // The organisation in the URL when the account may import for it, else the first it manages.
  const orgParam = get('org');
  const orgId = (admin || managed.some((o) => o.id === orgParam) ? orgParam : '') || managed[0]?.id || '';

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/teach" size="sm">
          ← {t('teach.back')}
        </Anchor>
        <Title order={1}>{t('roster.title')}</Title>
        <Text c="dimmed">{t('roster.intro')}</Text>
      </div>
      {managed.length > 1 && (
        <Select
          label={t('roster.organisation')}
          data={managed.map((o) => ({ value: o.id, label: o.name }))}
          value={orgId}
          onChange={(v) => v && update({ org: v })}
          allowDeselect={false}
          w={{ base: '100%', sm: 420 }}
          comboboxProps={{ withinPortal: true }}
          data-testid="roster-org"
        />
      )}
      {admin && managed.length === 0 && (
        <OrganisationSelect
          label={t('roster.organisation')}
          kinds={['training_partner', 'nic']}
          value={orgId || null}
          onChange={(v) => update({ org: v })}
        />
      )}
      <TemplateLinks />
      {orgId ? (
        <RosterWorkspace key={orgId} orgId={orgId} />
      ) : (
        !admin && <EmptyState message={t('roster.notManager')} />
      )}
    </Stack>
  );
}

function TemplateLinks() {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="roster-template">
      <Title order={2} size="h4" id="roster-template">
        {t('roster.template.title')}
      </Title>
      <Text size="sm" mt={4} mb="sm">
        {t('roster.template.help')}
      </Text>
      <Group gap="xs" wrap="wrap">
        <Button
          component="a"
          href={registryApi.templateUrl('xlsx', locale)}
          download
          variant="light"
          size="sm"
          data-testid="roster-template-xlsx"
        >
          {t('roster.template.xlsx')}
        </Button>
        <Button
          component="a"
          href={registryApi.templateUrl('csv', locale)}
          download
          variant="light"
          size="sm"
          data-testid="roster-template-csv"
        >
          {t('roster.template.csv')}
        </Button>
      </Group>
    </Paper>
  );
}

/** Where the upload is: choosing a file, sending it, waiting for the check, reading it, or done. */
type Step =
  | { kind: 'pick' }
  | { kind: 'sending'; percent: number }
  | { kind: 'checking' }
  | { kind: 'preview'; detail: RosterImportDetail }
  | { kind: 'done'; result: RosterImport };

function RosterWorkspace({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>({ kind: 'pick' });
  const [file, setFile] = useState<File | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [mode, setMode] = useState<RosterImportMode | null>(null);
  const upload = useRef<AbortController | null>(null);
  const panelTitle = useRef<HTMLHeadingElement>(null);
  const refreshHistory = () => queryClient.invalidateQueries({ queryKey: historyKey(orgId) });

  // Leaving the page stops an upload on its way.
  useEffect(() => () => upload.current?.abort(), []);
  // A new panel (preview, result) takes the focus, so the keyboard and screen readers follow.
  useEffect(() => {
    if (step.kind === 'preview' || step.kind === 'done') panelTitle.current?.focus();
  }, [step.kind]);

  const preview = useMutation({
    mutationFn: (f: File) => {
      const controller = new AbortController();
      upload.current = controller;
      setStep({ kind: 'sending', percent: 0 });
      return registryApi.preview(orgId, f, {
        signal: controller.signal,
        onProgress: ({ loaded, total }) =>
          setStep((s) =>
            s.kind === 'sending'
              ? { kind: 'sending', percent: total ? Math.round((loaded / total) * 100) : 0 }
              : s,
          ),
        onSent: () => setStep({ kind: 'checking' }),
      });
    },
    onSuccess: (detail) => {
      setStep({ kind: 'preview', detail });
      void refreshHistory();
    },
    onError: () => setStep({ kind: 'pick' }),
    onSettled: () => {
      upload.current = null;
    },
  });

  const open = useMutation({
    mutationFn: (imp: RosterImport) => registryApi.get(imp.id),
    onSuccess: (detail) => {
      preview.reset();
      setStep({ kind: 'preview', detail });
    },
  });

  const [commitProgress, setCommitProgress] = useState<CommitProgress | null>(null);
  const commit = useMutation({
    mutationFn: ({ id, mode }: { id: string; mode: RosterImportMode }) => {
      setCommitProgress(null);
      return registryApi.commit(id, { mode }, setCommitProgress);
    },
    onSuccess: (result) => {
      setMode(null);
      setStep({ kind: 'done', result });
      setFile(null);
      void refreshHistory();
    },
  });

  const pick = (f: File | null) => {
    preview.reset();
    setFile(f);
    const refused = f && fileRefusal(f);
    setRefusal(
      refused ? t(refused.key, { max: formatNumber(MAX_ROSTER_BYTES / 1024 / 1024, currentLocale()) }) : null,
    );
  };
  const backToUpload = () => {
    preview.reset();
    commit.reset();
    open.reset();
    setStep({ kind: 'pick' });
  };
  const busy = step.kind === 'sending' || step.kind === 'checking';
  // An aborted upload is the user's choice, not an error to show.
  const uploadError =
    preview.error instanceof DOMException && preview.error.name === 'AbortError' ? null : preview.error;

  return (
    <>
      <section aria-labelledby="roster-upload-title">
        <Stack gap="sm">
          <Title order={2} size="h3" id="roster-upload-title">
            {t('roster.upload.title')}
          </Title>
          <ErrorAlert error={uploadError ?? open.error} />
          {step.kind === 'pick' &&
            (open.isPending ? (
              <PageLoader />
            ) : (
              <FilePicker
                file={file}
                refusal={refusal}
                disabled={busy}
                onPick={pick}
                onSubmit={() => file && preview.mutate(file)}
              />
            ))}
          {busy && file && (
            <UploadProgress
              file={file}
              percent={step.kind === 'sending' ? step.percent : 100}
              checking={step.kind === 'checking'}
              onCancel={() => upload.current?.abort()}
            />
          )}
          {step.kind === 'preview' && (
            <>
              <PreviewPanel
                detail={step.detail}
                titleRef={panelTitle}
                onCommit={(m) => {
                  commit.reset();
                  setMode(m);
                }}
                onCancel={backToUpload}
              />
              <ConfirmCommitModal
                detail={step.detail}
                mode={mode}
                pending={commit.isPending}
                progress={commitProgress}
                error={commit.error}
                onConfirm={() => mode && commit.mutate({ id: step.detail.id, mode })}
                onClose={() => setMode(null)}
              />
            </>
          )}
          {step.kind === 'done' && (
            <ResultPanel result={step.result} titleRef={panelTitle} onAnother={backToUpload} />
          )}
        </Stack>
      </section>
      <History orgId={orgId} onOpen={(imp) => open.mutate(imp)} />
    </>
  );
}

function History({ orgId, onOpen }: { orgId: string; onOpen: (imp: RosterImport) => void }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: [...historyKey(orgId), page],
    queryFn: () => registryApi.list(orgId, { page, pageSize: HISTORY_PAGE_SIZE, sort: '-createdAt' }),
    placeholderData: keepPreviousData,
  });
  return (
    <section aria-labelledby="roster-history-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="roster-history-title">
          {t('roster.history.title')}
        </Title>
        <ErrorAlert error={list.error} />
        {list.isPending ? (
          <PageLoader />
        ) : list.data?.items.length === 0 ? (
          <EmptyState message={t('roster.history.empty')} />
        ) : list.data ? (
          <>
            <HistoryTable
              items={list.data.items}
              onOpen={(imp) => {
                onOpen(imp);
                document.getElementById('roster-upload-title')?.scrollIntoView({ block: 'start' });
              }}
            />
            <Pager page={page} pageSize={list.data.pageSize} total={list.data.total} onChange={setPage} />
          </>
        ) : null}
      </Stack>
    </section>
  );
}

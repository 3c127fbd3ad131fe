/**
 * A course's quizzes and question bank, and the GIFT import (Moodle's plain-text question format) with
 * a report line per question: imported, valid (check only), skipped, or refused and why.
 */
import {
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { questionKinds } from '../../api/domain';
import { quizzesApi } from '../../api/endpoints';
import type { ImportReport, QuestionKind } from '../../api/types';
import { EmptyState } from '../../components/ui/EmptyState';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { PageLoader } from '../../components/ui/PageLoader';
import { Pager } from '../../components/ui/Pager';
import { keepPreviousData } from '../admin/hooks';
import { courseQuizzesQuery } from './queries';

export function QuizBank({ courseId }: { courseId: string }) {
  return (
    <Stack gap="xl">
      <Quizzes courseId={courseId} />
      <GiftImport courseId={courseId} />
      <Questions courseId={courseId} />
    </Stack>
  );
}

function Quizzes({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const quizzes = useQuery(courseQuizzesQuery(courseId));
  return (
    <section aria-labelledby="quizzes-heading">
      <Title order={2} size="h4" id="quizzes-heading" mb="xs">
        {t('teach.quizzes.heading')}
      </Title>
      <ErrorAlert error={quizzes.error} />
      {quizzes.isPending ? (
        <PageLoader />
      ) : quizzes.data?.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('teach.quizzes.none')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" className="plain-list">
          {quizzes.data?.items.map((q) => (
            <Paper key={q.id} component="li" withBorder p="sm" radius="md">
              <Text fw={600}>{q.title}</Text>
              <Text size="sm" c="dimmed">
                {t('teach.quizzes.summary', {
                  count: q.questionsPerAttempt,
                  pool: q.poolSize,
                  pass: q.passMarkPct,
                })}
                {q.timeLimitSeconds
                  ? ` · ${t('quiz.timeLimit', { count: Math.round(q.timeLimitSeconds / 60) })}`
                  : ''}
                {q.attemptsLimit ? ` · ${t('teach.quizzes.attemptsN', { count: q.attemptsLimit })}` : ''}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
      <Text size="xs" c="dimmed" mt="xs">
        {t('teach.quizzes.linkHint')}
      </Text>
    </section>
  );
}

const statusColor = { imported: 'green', valid: 'blue', skipped: 'gray', error: 'red' } as const;

function GiftImport({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [gift, setGift] = useState('');
  const [category, setCategory] = useState('');
  const [dryRun, setDryRun] = useState(true);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [report, setReport] = useState<ImportReport | null>(null);
  const run = useMutation({
    mutationFn: () =>
      quizzesApi.importGift(
        courseId,
        { gift, category: category.trim() || undefined },
        { dryRun, skipInvalid },
      ),
    onSuccess: (r) => {
      setReport(r);
      if (r.committed) {
        void queryClient.invalidateQueries({ queryKey: ['teach', 'questions', courseId] });
        void queryClient.invalidateQueries({ queryKey: ['teach', 'quizzes', courseId] });
      }
    },
    onError: (e) => {
      // A refused import still says, question by question, what to fix.
      const body = e instanceof ApiError ? (e.body as { report?: ImportReport } | undefined) : undefined;
      setReport(body?.report ?? null);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!gift.trim()) {
      setError(t('common.required'));
      return;
    }
    setError(undefined);
    setReport(null);
    run.mutate();
  };
  const readFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.currentTarget.files?.[0];
    if (f) setGift(await f.text());
  };
  return (
    <section aria-labelledby="gift-heading">
      <Title order={2} size="h4" id="gift-heading" mb={4}>
        {t('teach.gift.heading')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('teach.gift.intro')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Textarea
            label={t('teach.gift.text')}
            value={gift}
            onChange={(e) => setGift(e.currentTarget.value)}
            autosize
            minRows={6}
            maxRows={20}
            spellCheck={false}
            error={error}
            styles={{ input: { fontFamily: 'ui-monospace, monospace', fontSize: 13 } }}
            data-testid="gift-text"
          />
          <Group gap="sm" align="flex-end" wrap="wrap">
            <label style={{ maxWidth: '100%' }}>
              <Text size="sm" fw={500} mb={2}>
                {t('teach.gift.file')}
              </Text>
              <input
                type="file"
                accept=".txt,.gift,text/plain"
                onChange={readFile}
                style={{ maxWidth: '100%' }}
              />
            </label>
            <TextInput
              label={t('teach.gift.category')}
              description={t('teach.gift.categoryHint')}
              value={category}
              onChange={(e) => setCategory(e.currentTarget.value)}
              maxLength={100}
              w={{ base: '100%', sm: 280 }}
            />
          </Group>
          <Group gap="lg">
            <Checkbox
              label={t('teach.gift.dryRun')}
              checked={dryRun}
              onChange={(e) => setDryRun(e.currentTarget.checked)}
            />
            <Checkbox
              label={t('teach.gift.skipInvalid')}
              checked={skipInvalid}
              onChange={(e) => setSkipInvalid(e.currentTarget.checked)}
            />
          </Group>
          <Group>
            <Button type="submit" loading={run.isPending} data-testid="gift-submit">
              {dryRun ? t('teach.gift.check') : t('teach.gift.import')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Stack gap="sm" mt="sm" aria-live="polite">
        <ErrorAlert error={run.error} />
        {report && (
          <>
            <Text size="sm" fw={600} data-testid="gift-summary">
              {report.dryRun
                ? t('teach.gift.checked', {
                    valid: report.questions.length - report.invalid,
                    invalid: report.invalid,
                  })
                : report.committed
                  ? t('teach.gift.imported', { imported: report.imported, invalid: report.invalid })
                  : t('teach.gift.nothingImported', { invalid: report.invalid })}
            </Text>
            <div className="table-scroll">
              <Table verticalSpacing="xs" data-testid="gift-report">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>#</Table.Th>
                    <Table.Th>{t('teach.gift.line')}</Table.Th>
                    <Table.Th>{t('teach.gift.question')}</Table.Th>
                    <Table.Th>{t('teach.gift.result')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.questions.map((q) => (
                    <Table.Tr key={q.index} data-status={q.status}>
                      <Table.Td>{q.index}</Table.Td>
                      <Table.Td>{q.line}</Table.Td>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>
                        <Text size="sm" fw={600}>
                          {q.title ?? q.prompt.slice(0, 80)}
                        </Text>
                        {q.kind && (
                          <Text size="xs" c="dimmed">
                            {t(`questionKind.${q.kind}`)}
                            {q.category && ` · ${q.category}`}
                          </Text>
                        )}
                        {q.message && (
                          <Text size="sm" c="red.9">
                            {q.message}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Badge
                          color={statusColor[q.status]}
                          variant="light"
                          tt="none"
                          className="status-badge"
                        >
                          {t(`teach.gift.status.${q.status}`)}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          </>
        )}
      </Stack>
    </section>
  );
}

function Questions({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [kind, setKind] = useState<QuestionKind | null>(null);
  const questions = useQuery({
    queryKey: ['teach', 'questions', courseId, page, kind],
    queryFn: () =>
      quizzesApi.questions(courseId, { page, pageSize: 20, kind: kind ?? undefined, sort: '-createdAt' }),
    placeholderData: keepPreviousData,
  });
  return (
    <section aria-labelledby="bank-heading">
      <Group justify="space-between" align="flex-end" mb="xs">
        <Title order={2} size="h4" id="bank-heading">
          {t('teach.bank.heading')}
        </Title>
        <Select
          label={t('teach.bank.kind')}
          placeholder={t('catalog.any')}
          data={questionKinds.map((k) => ({ value: k, label: t(`questionKind.${k}`) }))}
          value={kind}
          onChange={(v) => {
            setKind(v as QuestionKind | null);
            setPage(1);
          }}
          clearable
          size="sm"
          w={200}
          comboboxProps={{ withinPortal: true }}
        />
      </Group>
      <ErrorAlert error={questions.error} />
      {questions.isPending ? (
        <PageLoader />
      ) : questions.data?.items.length === 0 ? (
        <EmptyState message={t('teach.bank.empty')} />
      ) : questions.data ? (
        <Stack gap="sm">
          <Stack gap="xs" component="ol" className="plain-list" data-testid="question-bank">
            {questions.data.items.map((q) => (
              <Paper key={q.id} component="li" withBorder radius="md" p="sm">
                <Text size="sm" className="quiz-prompt" lineClamp={3}>
                  {q.prompt}
                </Text>
                <Text size="xs" c="dimmed" mt={4}>
                  {t(`questionKind.${q.kind}`)} · {t('quiz.points', { count: q.points })}
                  {q.category && ` · ${q.category}`}
                </Text>
              </Paper>
            ))}
          </Stack>
          <Pager
            page={page}
            pageSize={questions.data.pageSize}
            total={questions.data.total}
            onChange={setPage}
          />
        </Stack>
      ) : null}
    </section>
  );
}

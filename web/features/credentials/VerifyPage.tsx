/**
 * Public verification of a certificate (/verify/:id, also the credential's own URL /credentials/:id,
 * and /verify with only the form). The page asks the server to verify the certificate's signed VC-JWT
 * and shows each check with its message in the reader's language; anyone can also paste a certificate
 * (its JWT, or its JSON) to check it.
 */
import './styles';
import '@mantine/core/styles/Divider.layer.css';
import {
  Alert,
  Anchor,
  Button,
  Divider,
  Group,
  List,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { credentialsApi } from '../../api/endpoints';
import type { PublicCredential, VerifyBody, VerifyResult } from '../../api/types';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { formatDate, formatDateTime } from '../../components/ui/format';
import { PageLoader } from '../../components/ui/PageLoader';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { currentLocale } from '../../i18n';
import { NotFoundPage } from '../home/NotFoundPage';

type State = 'valid' | 'revoked' | 'invalid';

function stateOf(result: VerifyResult, credential?: PublicCredential): State {
  if (credential?.status === 'revoked') return 'revoked';
  const status = result.checks.find((c) => c.check === 'status');
  if (!result.valid && status && !status.ok && result.checks.every((c) => c.check === 'status' || c.ok))
    return 'revoked';
  return result.valid ? 'valid' : 'invalid';
}

export function VerifyPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  usePageTitle(t('verify.title'));
  return (
    <Stack gap="lg" maw={760}>
      <Title order={1}>{t('verify.title')}</Title>
      {id && <VerifyById id={id} />}
      {id && <Divider />}
      <PasteForm standalone={!id} />
    </Stack>
  );
}

function VerifyById({ id }: { id: string }) {
  const credential = useQuery({ queryKey: ['credential', id], queryFn: () => credentialsApi.get(id) });
  const jwt = credential.data?.jwt;
  const verification = useQuery({
    queryKey: ['credential', id, 'verify'],
    queryFn: () => credentialsApi.verify({ jwt: jwt! }),
    enabled: !!jwt,
  });
  if (
    credential.error instanceof ApiError &&
    (credential.error.status === 404 || credential.error.status === 400)
  )
    return <NotFoundPage />;
  if (credential.isPending || (jwt && verification.isPending)) return <PageLoader />;
  if (!credential.data) return <ErrorAlert error={credential.error} />;
  if (!verification.data) return <ErrorAlert error={verification.error} />;
  return <Result result={verification.data} credential={credential.data} />;
}

function Result({ result, credential }: { result: VerifyResult; credential?: PublicCredential }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const state = stateOf(result, credential);
  const summary = result.credential;
  const learner = credential?.learnerName ?? summary?.learnerName;
  const course = credential?.courseTitle ?? summary?.courseTitle;
  const issuer = credential?.issuer.name ?? summary?.issuerName;
  const issuedAt = credential?.issuedAt ?? summary?.issuedAt;
  const validUntil = credential?.validUntil ?? summary?.validUntil;
  const color = state === 'valid' ? 'green' : 'red';
  return (
    <Stack gap="md">
      <Alert
        color={color}
        variant="light"
        title={t(`verify.state.${state}`)}
        data-testid="verify-status"
        data-state={state}
        role="status"
        styles={{ title: { fontSize: '1.25rem' } }}
      >
        {t(`verify.stateText.${state}`)}
      </Alert>
      {(learner || course) && (
        <Paper withBorder radius="md" p="md">
          <dl className="facts">
            {learner && (
              <>
                <dt>{t('verify.learner')}</dt>
                <dd data-testid="verify-learner">{learner}</dd>
              </>
            )}
            {course && (
              <>
                <dt>{t('verify.course')}</dt>
                <dd lang={credential?.language}>{course}</dd>
              </>
            )}
            {issuer && (
              <>
                <dt>{t('verify.issuer')}</dt>
                <dd>
                  {credential ? (
                    <Anchor href={credential.issuer.profileUrl} target="_blank" rel="noopener noreferrer">
                      {issuer}
                    </Anchor>
                  ) : (
                    issuer
                  )}
                </dd>
              </>
            )}
            {issuedAt && (
              <>
                <dt>{t('verify.issued')}</dt>
                <dd>{formatDate(issuedAt, locale, 'long')}</dd>
              </>
            )}
            {validUntil && (
              <>
                <dt>{t('verify.validUntil')}</dt>
                <dd>{formatDate(validUntil, locale, 'long')}</dd>
              </>
            )}
            {credential?.revokedAt && (
              <>
                <dt>{t('verify.revokedAt')}</dt>
                <dd>
                  {formatDateTime(credential.revokedAt, locale)}
                  {credential.revocationReason && ` — ${credential.revocationReason}`}
                </dd>
              </>
            )}
          </dl>
          {state !== 'valid' && (
            <Text size="xs" c="dimmed" mt="xs">
              {t('verify.untrusted')}
            </Text>
          )}
        </Paper>
      )}
      <section aria-labelledby="verify-checks">
        <Title order={2} size="h4" id="verify-checks" mb="xs">
          {t('verify.checks')}
        </Title>
        <List spacing="xs" listStyleType="none" data-testid="verify-checks">
          {result.checks.map((c) => (
            <List.Item key={c.check} data-ok={c.ok}>
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <span aria-hidden="true" className={c.ok ? 'check-ok' : 'check-fail'}>
                  {c.ok ? '✓' : '✗'}
                </span>
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600}>
                    {t(`verify.check.${c.check}`)}
                    <span className="visually-hidden">
                      : {c.ok ? t('verify.passed') : t('verify.failed')}
                    </span>
                  </Text>
                  <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {c.message}
                  </Text>
                </div>
              </Group>
            </List.Item>
          ))}
        </List>
      </section>
    </Stack>
  );
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** What was pasted, as the verify endpoint takes it: a JWT, the credential's JSON, or its id/URL. */
function bodyOf(text: string): VerifyBody | 'bad-json' {
  const s = text.trim();
  if (s.startsWith('{')) {
    try {
      const parsed = JSON.parse(s) as Record<string, unknown>;
      // The wallet's JSON download is {id, jwt, credential}: the JWT is what carries the signature.
      if (typeof parsed.jwt === 'string') return { jwt: parsed.jwt };
      return { credential: parsed };
    } catch {
      return 'bad-json';
    }
  }
  if (/^https?:\/\//i.test(s) || (UUID.test(s) && s.length <= 40)) return { id: s };
  return { jwt: s };
}

function PasteForm({ standalone }: { standalone: boolean }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const verify = useMutation({ mutationFn: credentialsApi.verify });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) {
      setError(t('common.required'));
      return;
    }
    const body = bodyOf(text);
    if (body === 'bad-json') {
      setError(t('verify.badJson'));
      return;
    }
    setError(undefined);
    verify.mutate(body);
  };
  return (
    <Stack gap="md" component="section" aria-labelledby="verify-paste">
      <div>
        <Title order={2} size={standalone ? 'h3' : 'h4'} id="verify-paste">
          {t('verify.pasteTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('verify.pasteIntro')}
        </Text>
      </div>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Textarea
            label={t('verify.pasteLabel')}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              setError(undefined);
            }}
            autosize
            minRows={4}
            maxRows={12}
            spellCheck={false}
            autoCapitalize="none"
            error={error}
            styles={{ input: { fontFamily: 'ui-monospace, monospace', fontSize: 12 } }}
            data-testid="verify-input"
          />
          <Group>
            <Button type="submit" loading={verify.isPending} data-testid="verify-submit">
              {t('verify.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      <ErrorAlert error={verify.error} />
      {verify.data && <Result result={verify.data} />}
    </Stack>
  );
}

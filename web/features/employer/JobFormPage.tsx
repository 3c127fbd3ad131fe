/**
 * Post a job (/employer/jobs/new?org=…): every field of the contract's JobInput — title, description
 * and the language they are written in, country with its province (Viet Nam) or prefecture (Japan),
 * Japanese level, visa track and SSW field, monthly salary range and currency, closing date, and the
 * skills asked for from the taxonomy with a level and "required" or "nice to have". Only for a
 * verified organisation: until NIC verifies it the page shows the notice instead of a usable form.
 */
import '../jobs/styles';
import {
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type CSSProperties, type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  currencies,
  jlptLevels,
  jobCountries,
  prefectures,
  sswFields,
  visaTracks,
} from '../../../common/talent';
import { fieldError } from '../../api/client';
import { locales } from '../../api/domain';
import { jobsApi } from '../../api/endpoints';
import type {
  JlptLevel,
  JobCountry,
  JobCurrency,
  JobInput,
  Organisation,
  SswField,
  VisaTrack,
} from '../../api/types';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { errorFor, hasErrors, useFocusFirstInvalid } from '../../components/ui/form';
import { formatCountry } from '../../components/ui/format';
import { PageLoader } from '../../components/ui/PageLoader';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { currentLocale } from '../../i18n';
import { foldFilter, ProvinceField } from '../admin/components';
import { useMe } from '../auth/hooks';
import { employerOrganisations } from '../jobs/access';
import { VerifiedBadge } from '../jobs/components';
import { prefectureName } from '../jobs/format';
import { LevelSelect, SkillSelect } from '../talent/SkillSelect';
import { AwaitingVerification, isUnverifiedError } from './components';
import { organisationQuery } from './queries';

export function JobFormPage() {
  const { t } = useTranslation();
  usePageTitle(t('jobForm.title'));
  const { me } = useMe();
  const orgs = employerOrganisations(me);
  const [params, setParams] = useSearchParams();
  const wanted = params.get('org');
  const orgId = orgs.find((o) => o.id === wanted)?.id ?? (orgs.length === 1 ? orgs[0]!.id : null);
  const org = useQuery({ ...organisationQuery(orgId ?? ''), enabled: orgId !== null });
  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/employer" size="sm">
          <span aria-hidden="true">← </span>
          {t('jobForm.back')}
        </Anchor>
        <Title order={1}>{t('jobForm.title')}</Title>
        <Text c="dimmed">{t('jobForm.intro')}</Text>
      </div>
      {orgs.length > 1 && (
        <Select
          label={t('jobForm.organisation')}
          data={orgs.map((o) => ({ value: o.id, label: o.name }))}
          value={orgId}
          onChange={(v) => setParams(v ? { org: v } : {}, { replace: true })}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          maw={480}
          data-testid="job-org"
        />
      )}
      <ErrorAlert error={org.error} />
      {orgId === null ? null : org.isPending ? (
        <PageLoader />
      ) : org.data && !org.data.verified ? (
        <AwaitingVerification name={org.data.name} />
      ) : org.data ? (
        <JobForm org={org.data} key={org.data.id} />
      ) : null}
    </Stack>
  );
}

interface SkillRow {
  skillId: string;
  name: string;
  level: number;
  required: boolean;
}

/** The translations filled in (a title of three characters or more), other than the job's own language. */
function translationsOf(all: Record<string, { title: string; description: string }>, language: string) {
  const filled = Object.entries(all)
    .filter(([l, v]) => l !== language && v.title.trim().length >= 3)
    .map(([l, v]) => [l, { title: v.title.trim(), description: v.description.trim() }] as const);
  return filled.length ? Object.fromEntries(filled) : undefined;
}

const digits = (v: string) => v.replace(/\D/gu, '').slice(0, 12);
/** Four weeks from today, as the default closing date (YYYY-MM-DD, Vietnam's calendar). */
function inFourWeeks() {
  const d = new Date(Date.now() + 28 * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(d);
}

function JobForm({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const startCountry: JobCountry = org.country === 'JP' ? 'JP' : 'VN';
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [language, setLanguage] = useState<string>(locale);
  const [country, setCountry] = useState<JobCountry>(startCountry);
  const [provinceCode, setProvinceCode] = useState<string | null>(null);
  const [prefecture, setPrefecture] = useState<string | null>(null);
  const [jlptMin, setJlptMin] = useState<JlptLevel | null>(null);
  const [visaTrack, setVisaTrack] = useState<VisaTrack | null>(null);
  const [sswField, setSswField] = useState<SswField | null>(null);
  const [salaryMin, setSalaryMin] = useState('');
  const [salaryMax, setSalaryMax] = useState('');
  const [currency, setCurrency] = useState<JobCurrency>(startCountry === 'JP' ? 'JPY' : 'VND');
  const [closesOn, setClosesOn] = useState(inFourWeeks);
  const [skills, setSkills] = useState<SkillRow[]>([]);
  const [translations, setTranslations] = useState<Record<string, { title: string; description: string }>>(
    {},
  );
  const [errors, setErrors] = useState<
    Partial<Record<'title' | 'closesOn' | 'skills' | 'salaryMax', string>>
  >({});
  const [attempt, setAttempt] = useState(0);
  useFocusFirstInvalid(formRef, attempt);

  const create = useMutation({
    mutationFn: (body: JobInput) => jobsApi.create(body),
    onSuccess: (job) => {
      void queryClient.invalidateQueries({ queryKey: ['jobs'] });
      notifications.show({ color: 'green', message: t('jobForm.posted') });
      navigate(`/employer/jobs/${job.id}`);
    },
    onError: () => setAttempt((n) => n + 1),
  });

  const changeCountry = (c: JobCountry) => {
    setCountry(c);
    if (c === 'JP') {
      setProvinceCode(null);
      if (currency === 'VND') setCurrency('JPY');
    } else {
      setPrefecture(null);
      setVisaTrack(null);
      setSswField(null);
      if (currency === 'JPY') setCurrency('VND');
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: typeof errors = {};
    if (title.trim().length < 3) errs.title = t('jobForm.titleShort');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(closesOn)) errs.closesOn = t('common.required');
    if (skills.length === 0) errs.skills = t('jobForm.skillsNeeded');
    if (salaryMin && salaryMax && Number(salaryMax) < Number(salaryMin))
      errs.salaryMax = t('jobForm.salaryOrder');
    setErrors(errs);
    if (hasErrors(errs)) {
      setAttempt((n) => n + 1);
      return;
    }
    create.mutate({
      organisationId: org.id,
      title: title.trim(),
      description: description.trim(),
      language: language as JobInput['language'],
      country,
      provinceCode: country === 'VN' ? provinceCode : null,
      prefecture: country === 'JP' ? prefecture : null,
      jlptMin,
      visaTrack: country === 'JP' ? visaTrack : null,
      sswField: country === 'JP' ? sswField : null,
      salaryMin: salaryMin ? Number(salaryMin) : null,
      salaryMax: salaryMax ? Number(salaryMax) : null,
      currency,
      closesOn,
      skills: skills.map((s) => ({ skillId: s.skillId, level: s.level, required: s.required })),
      translations: translationsOf(translations, language),
    });
  };

  const apiError = create.error;
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={t('jobForm.title')}>
      <Stack gap="lg">
        <Group gap="xs">
          <Text size="sm">{t('jobForm.postingAs', { name: org.name })}</Text>
          <VerifiedBadge verified={org.verified} />
        </Group>
        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="job-form-basics">
          <Title order={2} size="h4" id="job-form-basics" mb="sm">
            {t('jobForm.basics')}
          </Title>
          <Stack gap="sm">
            <TextInput
              label={t('jobForm.jobTitle')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              required
              maxLength={200}
              error={errorFor(errors, apiError, 'title')}
              data-testid="job-title-input"
            />
            <Textarea
              label={t('jobForm.description')}
              description={t('jobForm.descriptionHint')}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              maxLength={20_000}
              autosize
              minRows={5}
              error={errorFor({}, apiError, 'description')}
              data-testid="job-description-input"
            />
            <NativeSelect
              label={t('jobForm.language')}
              value={language}
              onChange={(e) => setLanguage(e.currentTarget.value)}
              data={locales.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
              maw={280}
              data-testid="job-language"
            />
            <details>
              <summary className="details-summary">{t('jobForm.translations')}</summary>
              <Text size="sm" c="dimmed" mt={4}>
                {t('jobForm.translationsHint')}
              </Text>
              <Stack gap="md" mt="sm">
                {locales
                  .filter((l) => l !== language)
                  .map((l) => (
                    <fieldset key={l} className="plain-fieldset" lang={l}>
                      <legend>
                        <Text fw={600} size="sm">
                          {t(`lang.${l}`)}
                        </Text>
                      </legend>
                      <Stack gap="xs">
                        <TextInput
                          label={t('jobForm.translatedTitle', { language: t(`lang.${l}`) })}
                          value={translations[l]?.title ?? ''}
                          onChange={(e) => {
                            const value = e.currentTarget.value;
                            setTranslations((tr) => ({
                              ...tr,
                              [l]: { description: '', ...tr[l], title: value },
                            }));
                          }}
                          maxLength={200}
                          error={fieldError(apiError, `/translations/${l}/title`)}
                          data-testid={`job-title-${l}`}
                        />
                        <Textarea
                          label={t('jobForm.translatedDescription', { language: t(`lang.${l}`) })}
                          value={translations[l]?.description ?? ''}
                          onChange={(e) => {
                            const value = e.currentTarget.value;
                            setTranslations((tr) => ({
                              ...tr,
                              [l]: { title: '', ...tr[l], description: value },
                            }));
                          }}
                          maxLength={20_000}
                          autosize
                          minRows={3}
                          data-testid={`job-description-${l}`}
                        />
                      </Stack>
                    </fieldset>
                  ))}
              </Stack>
            </details>
          </Stack>
        </Card>

        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="job-form-where">
          <Title order={2} size="h4" id="job-form-where" mb="sm">
            {t('jobForm.where')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label={t('jobs.country')}
              value={country}
              onChange={(e) => changeCountry(e.currentTarget.value as JobCountry)}
              data={jobCountries.map((c) => ({ value: c, label: formatCountry(c, locale) }))}
              data-testid="job-country"
            />
            {country === 'VN' ? (
              <ProvinceField
                value={provinceCode}
                onChange={setProvinceCode}
                error={errorFor({}, apiError, 'provinceCode')}
              />
            ) : (
              <Select
                label={t('jobs.prefecture')}
                placeholder={t('jobForm.choose')}
                data={prefectures.map((p) => ({ value: p.code, label: prefectureName(p.code, locale) }))}
                value={prefecture}
                onChange={setPrefecture}
                searchable
                clearable
                filter={foldFilter}
                nothingFoundMessage={t('catalog.nothingFound')}
                comboboxProps={{ withinPortal: true }}
                error={errorFor({}, apiError, 'prefecture')}
                data-testid="job-prefecture"
              />
            )}
            <NativeSelect
              label={t('jobForm.jlptMin')}
              value={jlptMin ?? ''}
              onChange={(e) => setJlptMin((e.currentTarget.value || null) as JlptLevel | null)}
              data={[
                { value: '', label: t('jobForm.jlptNone') },
                ...jlptLevels.map((l) => ({ value: l, label: t('jobs.jlptMin', { level: l }) })),
              ]}
              data-testid="job-jlpt"
            />
            {country === 'JP' && (
              <NativeSelect
                label={t('jobForm.visaTrack')}
                value={visaTrack ?? ''}
                onChange={(e) => setVisaTrack((e.currentTarget.value || null) as VisaTrack | null)}
                data={[
                  { value: '', label: t('jobForm.none') },
                  ...visaTracks.map((v) => ({ value: v, label: t(`visaTrack.${v}`) })),
                ]}
                data-testid="job-visa"
              />
            )}
            {country === 'JP' && (
              <NativeSelect
                label={t('jobForm.sswField')}
                value={sswField ?? ''}
                onChange={(e) => setSswField((e.currentTarget.value || null) as SswField | null)}
                data={[
                  { value: '', label: t('jobForm.none') },
                  ...sswFields.map((v) => ({ value: v, label: t(`sswField.${v}`) })),
                ]}
                data-testid="job-ssw"
              />
            )}
          </SimpleGrid>
        </Card>

        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="job-form-pay">
          <Title order={2} size="h4" id="job-form-pay" mb="sm">
            {t('jobForm.pay')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
            <TextInput
              label={t('jobForm.salaryMin')}
              inputMode="numeric"
              value={salaryMin}
              onChange={(e) => setSalaryMin(digits(e.currentTarget.value))}
              error={errorFor({}, apiError, 'salaryMin')}
              data-testid="job-salary-min"
            />
            <TextInput
              label={t('jobForm.salaryMax')}
              inputMode="numeric"
              value={salaryMax}
              onChange={(e) => setSalaryMax(digits(e.currentTarget.value))}
              error={errorFor(errors, apiError, 'salaryMax')}
              data-testid="job-salary-max"
            />
            <NativeSelect
              label={t('jobForm.currency')}
              value={currency}
              onChange={(e) => setCurrency(e.currentTarget.value as JobCurrency)}
              data={[...currencies]}
              data-testid="job-currency"
            />
            <TextInput
              label={t('jobForm.closesOn')}
              type="date"
              value={closesOn}
              onChange={(e) => setClosesOn(e.currentTarget.value)}
              required
              error={errorFor(errors, apiError, 'closesOn')}
              data-testid="job-closes-on"
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt="xs">
            {t('jobForm.salaryHint')}
          </Text>
        </Card>

        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="job-form-skills">
          <Title order={2} size="h4" id="job-form-skills" mb={2}>
            {t('jobForm.skills')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('jobForm.skillsHint')}
          </Text>
          <Stack gap="sm">
            {skills.length > 0 && (
              <Stack gap="xs" component="ul" className="plain-list" data-testid="job-skills">
                {skills.map((s, i) => (
                  <li key={s.skillId}>
                    <fieldset
                      className="edit-row plain-fieldset"
                      style={{ '--edit-row-fields': 3 } as CSSProperties}
                    >
                      <legend className="visually-hidden">{s.name}</legend>
                      <Text size="sm" fw={600} pb={8} style={{ overflowWrap: 'anywhere' }}>
                        {s.name}
                      </Text>
                      <LevelSelect
                        label={t('profile.levelOf', { name: s.name })}
                        value={s.level}
                        onChange={(level) => setSkills(skills.map((x, j) => (j === i ? { ...x, level } : x)))}
                        testId="job-skill-level"
                      />
                      <Checkbox
                        label={t('jobForm.required')}
                        checked={s.required}
                        onChange={(e) => {
                          const required = e.currentTarget.checked;
                          setSkills(skills.map((x, j) => (j === i ? { ...x, required } : x)));
                        }}
                        mb={8}
                        data-testid="job-skill-required"
                      />
                      <Button
                        variant="subtle"
                        color="red"
                        onClick={() => setSkills(skills.filter((_, j) => j !== i))}
                        aria-label={t('profile.removeSkill', { name: s.name })}
                      >
                        {t('profile.remove')}
                      </Button>
                    </fieldset>
                  </li>
                ))}
              </Stack>
            )}
            <SkillSelect
              label={t('jobForm.addSkill')}
              exclude={skills.map((s) => s.skillId)}
              onChange={(skill) => {
                if (!skill || skills.length >= 30) return;
                setSkills([...skills, { skillId: skill.id, name: skill.name, level: 2, required: true }]);
                setErrors((e) => ({ ...e, skills: undefined }));
              }}
              error={errors.skills ?? errorFor({}, apiError, 'skills')}
              testId="job-skill-search"
            />
          </Stack>
        </Card>

        {isUnverifiedError(apiError) ? (
          <AwaitingVerification name={org.name} />
        ) : (
          <ErrorAlert error={apiError} />
        )}
        <Group>
          <Button type="submit" loading={create.isPending} data-testid="job-submit">
            {t('jobForm.submit')}
          </Button>
          <Button component={Link} to="/employer" variant="default">
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

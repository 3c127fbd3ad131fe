/**
 * "My talent profile" (/me/profile): what employers and the matching read about the signed-in person.
 * Headline, province, willingness to move or work in Japan, Japanese level, education, experience,
 * languages, a CV, and the skills: verified ones come from certificates and are only shown here;
 * declared ones are searched in the taxonomy and given a level. Who may see the profile follows the
 * person's consents, changed on the privacy page. A failed save keeps everything typed.
 */
import '../jobs/styles';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  FileInput,
  Group,
  List,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type CSSProperties, type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { jlptLevels } from '../../../common/talent';
import { filesApi, profileApi } from '../../api/endpoints';
import type { JlptLevel, TalentProfile, TalentProfileInput } from '../../api/types';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { errorFor } from '../../components/ui/form';
import { formatDateTime } from '../../components/ui/format';
import { PageLoader } from '../../components/ui/PageLoader';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { currentLocale } from '../../i18n';
import { ProvinceField } from '../admin/components';
import { talentProfileQuery } from '../jobs/queries';
import { type Draft, draftOf, inputOf } from './profileDraft';
import { LevelSelect, SkillSelect } from './SkillSelect';

export function ProfilePage() {
  const { t } = useTranslation();
  usePageTitle(t('profile.title'));
  const profile = useQuery(talentProfileQuery);
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('profile.title')}</Title>
        <Text c="dimmed">{t('profile.intro')}</Text>
      </div>
      <ErrorAlert error={profile.error} />
      {profile.isPending ? <PageLoader /> : profile.data ? <ProfileForm profile={profile.data} /> : null}
    </Stack>
  );
}

function Section({
  id,
  title,
  children,
  hint,
}: {
  id: string;
  title: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb={hint ? 2 : 'sm'}>
        {title}
      </Title>
      {hint && (
        <Text size="sm" c="dimmed" mb="sm">
          {hint}
        </Text>
      )}
      {children}
    </Card>
  );
}

function ProfileForm({ profile }: { profile: TalentProfile }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(profile));
  const [saved, setSaved] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setSaved(false);
  };
  const save = useMutation({
    mutationFn: (body: TalentProfileInput) => profileApi.save(body),
    onSuccess: (updated) => {
      queryClient.setQueryData(talentProfileQuery.queryKey, updated);
      void queryClient.invalidateQueries({ queryKey: ['job-matches'] });
      void queryClient.invalidateQueries({ queryKey: ['job-fit'] });
      setDraft(draftOf(updated));
      setSaved(true);
      notifications.show({ color: 'green', message: t('profile.saved') });
    },
  });
  const upload = useMutation({
    mutationFn: (file: File) => filesApi.upload(file),
    onSuccess: (file) => set('cv', { fileId: file.id, filename: file.filename }),
  });
  const verified = profile.skills.filter((s) => s.verified);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    save.mutate(inputOf(draft));
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('profile.title')}>
      <Stack gap="lg">
        <Section id="profile-about" title={t('profile.about')}>
          <Stack gap="sm">
            <TextInput
              label={t('profile.headline')}
              description={t('profile.headlineHint')}
              value={draft.headline}
              onChange={(e) => set('headline', e.currentTarget.value)}
              maxLength={200}
              error={errorFor({}, save.error, 'headline')}
              data-testid="profile-headline"
            />
            <ProvinceField
              value={draft.provinceCode}
              onChange={(v) => set('provinceCode', v)}
              error={errorFor({}, save.error, 'provinceCode')}
            />
            <Checkbox
              label={t('profile.relocate')}
              checked={draft.relocate}
              onChange={(e) => set('relocate', e.currentTarget.checked)}
              data-testid="profile-relocate"
            />
            <Checkbox
              label={t('profile.workInJapan')}
              checked={draft.workInJapan}
              onChange={(e) => set('workInJapan', e.currentTarget.checked)}
              data-testid="profile-work-in-japan"
            />
            <Group gap="md" align="flex-end" wrap="wrap">
              <NativeSelect
                label={t('profile.jlpt')}
                value={draft.jlpt ?? ''}
                onChange={(e) => set('jlpt', (e.currentTarget.value || null) as JlptLevel | null)}
                data={[
                  { value: '', label: t('profile.jlptNone') },
                  ...jlptLevels.map((l) => ({ value: l, label: l })),
                ]}
                data-testid="profile-jlpt"
              />
              <Checkbox
                label={t('profile.jftBasic')}
                checked={draft.jftBasic}
                onChange={(e) => set('jftBasic', e.currentTarget.checked)}
                mb={8}
                data-testid="profile-jft"
              />
            </Group>
          </Stack>
        </Section>

        <Section id="profile-skills" title={t('profile.skills')} hint={t('profile.skillsHint')}>
          <Stack gap="md">
            <div>
              <Title order={3} size="h5" mb={4}>
                {t('profile.verifiedSkills')}
              </Title>
              {verified.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('profile.noVerified')}
                </Text>
              ) : (
                <List size="sm" spacing={4} data-testid="profile-verified-skills">
                  {verified.map((s) => (
                    <List.Item key={s.skillId}>
                      <Group gap={6} wrap="wrap">
                        <span>
                          {s.name} · {t('jobs.levelN', { level: s.level })}
                        </span>
                        <Badge size="xs" color="green" variant="light" tt="none" className="status-badge">
                          {t('jobs.verifiedSkill')}
                        </Badge>
                        {s.course && (
                          <Text span size="xs" c="dimmed">
                            {t('profile.fromCourse')}{' '}
                            <Anchor component={Link} to={`/courses/${s.course.slug}`} size="xs">
                              {s.course.title}
                            </Anchor>
                          </Text>
                        )}
                      </Group>
                    </List.Item>
                  ))}
                </List>
              )}
            </div>
            <Stack gap="xs">
              <Title order={3} size="h5">
                {t('profile.declaredSkills')}
              </Title>
              {draft.skills.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('profile.noDeclared')}
                </Text>
              ) : (
                <Stack gap="xs" component="ul" className="plain-list" data-testid="profile-declared-skills">
                  {draft.skills.map((s, i) => (
                    <li key={s.skillId}>
                      <div className="edit-row" style={{ '--edit-row-fields': 2 } as CSSProperties}>
                        <Text size="sm" fw={600} pb={8}>
                          {s.name}
                        </Text>
                        <LevelSelect
                          label={t('profile.levelOf', { name: s.name })}
                          value={s.level}
                          onChange={(level) =>
                            set(
                              'skills',
                              draft.skills.map((x, j) => (j === i ? { ...x, level } : x)),
                            )
                          }
                          testId="profile-skill-level"
                        />
                        <Button
                          variant="subtle"
                          color="red"
                          onClick={() =>
                            set(
                              'skills',
                              draft.skills.filter((_, j) => j !== i),
                            )
                          }
                          aria-label={t('profile.removeSkill', { name: s.name })}
                        >
                          {t('profile.remove')}
                        </Button>
                      </div>
                    </li>
                  ))}
                </Stack>
              )}
              <SkillSelect
                label={t('profile.addSkill')}
                description={t('profile.addSkillHint')}
                exclude={[...draft.skills.map((s) => s.skillId), ...verified.map((s) => s.skillId)]}
                onChange={(skill) =>
                  skill && set('skills', [...draft.skills, { skillId: skill.id, name: skill.name, level: 2 }])
                }
                testId="profile-skill-search"
              />
            </Stack>
          </Stack>
        </Section>

        <Section id="profile-education" title={t('profile.education')}>
          <RowList
            rows={draft.education}
            onChange={(rows) => set('education', rows)}
            empty={{ school: '', degree: '', year: '' }}
            addLabel={t('profile.addEducation')}
            removeLabel={(i) => t('profile.removeRow', { n: i + 1 })}
            testId="profile-education"
            fields={[
              { key: 'school', label: t('profile.school'), max: 200 },
              { key: 'degree', label: t('profile.degree'), max: 200 },
              { key: 'year', label: t('profile.year'), max: 4, inputMode: 'numeric' },
            ]}
          />
        </Section>

        <Section id="profile-experience" title={t('profile.experience')}>
          <RowList
            rows={draft.experience.map((e) => ({ ...e, from: e.from ?? '', to: e.to ?? '' }))}
            onChange={(rows) =>
              set(
                'experience',
                rows.map((r) => ({ ...r, from: r.from || null, to: r.to || null })),
              )
            }
            empty={{ employer: '', title: '', from: '', to: '' }}
            addLabel={t('profile.addExperience')}
            removeLabel={(i) => t('profile.removeRow', { n: i + 1 })}
            testId="profile-experience"
            fields={[
              { key: 'employer', label: t('profile.employer'), max: 200 },
              { key: 'title', label: t('profile.jobTitle'), max: 200 },
              { key: 'from', label: t('profile.from'), type: 'month' },
              { key: 'to', label: t('profile.to'), type: 'month' },
            ]}
          />
        </Section>

        <Section id="profile-languages" title={t('profile.languages')}>
          <RowList
            rows={draft.languages}
            onChange={(rows) => set('languages', rows)}
            empty={{ language: '', level: '' }}
            addLabel={t('profile.addLanguage')}
            removeLabel={(i) => t('profile.removeRow', { n: i + 1 })}
            testId="profile-languages"
            fields={[
              { key: 'language', label: t('profile.language'), max: 60 },
              { key: 'level', label: t('profile.languageLevel'), max: 60 },
            ]}
          />
        </Section>

        <Section id="profile-cv" title={t('profile.cv')} hint={t('profile.cvHint')}>
          <Stack gap="sm">
            {draft.cv && (
              <Group gap="sm" wrap="wrap">
                <Anchor
                  href={`/api/files/${draft.cv.fileId}`}
                  target="_blank"
                  rel="noopener"
                  data-testid="profile-cv-file"
                >
                  {draft.cv.filename}
                </Anchor>
                <Button variant="subtle" color="red" size="compact-sm" onClick={() => set('cv', null)}>
                  {t('profile.removeCv')}
                </Button>
              </Group>
            )}
            <FileInput
              label={draft.cv ? t('profile.replaceCv') : t('profile.uploadCv')}
              placeholder={t('profile.chooseFile')}
              // Mantine's placeholder grey is too light on white for WCAG AA.
              styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
              accept="application/pdf,.pdf,.doc,.docx"
              onChange={(file) => file && upload.mutate(file)}
              value={null}
              disabled={upload.isPending}
              data-testid="profile-cv-input"
            />
            {upload.isPending && <Text size="sm">{t('profile.uploading')}</Text>}
            <ErrorAlert error={upload.error} />
          </Stack>
        </Section>

        <Section id="profile-visibility" title={t('profile.visibility')} hint={t('profile.visibilityHint')}>
          <Stack gap="xs">
            <List size="sm" spacing={4} data-testid="profile-visibility">
              {(
                [
                  ['jobMatching', t('profile.visibleMatching')],
                  ['employersVn', t('profile.visibleVn')],
                  ['employersJp', t('profile.visibleJp')],
                ] as const
              ).map(([key, label]) => (
                <List.Item key={key}>
                  <Group gap={6} wrap="wrap">
                    <span>{label}</span>
                    <Badge
                      size="sm"
                      variant="light"
                      color={profile.visibility[key] ? 'green' : 'gray'}
                      tt="none"
                      className="status-badge"
                    >
                      {profile.visibility[key] ? t('profile.on') : t('profile.off')}
                    </Badge>
                  </Group>
                </List.Item>
              ))}
            </List>
            <Anchor component={Link} to="/me/privacy" size="sm" fw={600} data-testid="profile-privacy-link">
              {t('profile.changeConsents')}
            </Anchor>
          </Stack>
        </Section>

        <Stack gap="xs">
          <ErrorAlert error={save.error} />
          {saved && (
            <Alert color="green" variant="light" role="status" data-testid="profile-saved">
              {t('profile.saved')}
              {profile.updatedAt && ` · ${formatDateTime(profile.updatedAt, locale)}`}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={save.isPending} data-testid="profile-save">
              {t('profile.save')}
            </Button>
          </Group>
        </Stack>
      </Stack>
    </form>
  );
}

type Field<R> = {
  key: keyof R & string;
  label: string;
  max?: number;
  type?: 'text' | 'month';
  inputMode?: 'numeric';
};

/** A list of rows of text fields, with a button to add a row and one to remove each. */
function RowList<R extends Record<string, string>>({
  rows,
  onChange,
  empty,
  fields,
  addLabel,
  removeLabel,
  testId,
}: {
  rows: R[];
  onChange: (rows: R[]) => void;
  empty: R;
  fields: Field<R>[];
  addLabel: string;
  removeLabel: (index: number) => string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      {rows.length > 0 && (
        <Stack gap="sm" component="ol" className="plain-list" data-testid={testId}>
          {rows.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own; edits keep their place
            <li key={i}>
              <fieldset
                className="edit-row plain-fieldset"
                style={{ '--edit-row-fields': fields.length } as CSSProperties}
              >
                <legend className="visually-hidden">{t('profile.rowN', { n: i + 1 })}</legend>
                {fields.map((f) => (
                  <TextInput
                    key={f.key}
                    label={f.label}
                    type={f.type ?? 'text'}
                    inputMode={f.inputMode}
                    maxLength={f.max}
                    value={row[f.key]}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      onChange(rows.map((r, j) => (j === i ? { ...r, [f.key]: value } : r)));
                    }}
                  />
                ))}
                <Button
                  variant="subtle"
                  color="red"
                  onClick={() => onChange(rows.filter((_, j) => j !== i))}
                  aria-label={removeLabel(i)}
                >
                  {t('profile.remove')}
                </Button>
              </fieldset>
            </li>
          ))}
        </Stack>
      )}
      <Group>
        <Button
          variant="light"
          size="sm"
          onClick={() => onChange([...rows, { ...empty }])}
          data-testid={`${testId}-add`}
        >
          {addLabel}
        </Button>
      </Group>
    </Stack>
  );
}

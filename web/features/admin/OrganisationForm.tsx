/** Create an organisation (platform admin). */
import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isOrganisationKind, organisationKinds } from '../../api/domain';
import { organisationsApi } from '../../api/endpoints';
import type { CreateOrganisationBody, Organisation, OrganisationKind } from '../../api/types';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { errorFor, hasErrors, missingFields } from '../../components/ui/form';
import { ProvinceField } from './components';
import { slugify } from './text';

type Values = {
  name: string;
  slug: string;
  kind: OrganisationKind | null;
  country: string;
  provinceCode: string | null;
  website: string;
};

export function CreateOrganisationForm({ onCreated }: { onCreated: (org: Organisation) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>({
    name: '',
    slug: '',
    kind: null,
    country: 'VN',
    provinceCode: null,
    website: '',
  });
  const [slugTouched, setSlugTouched] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<keyof Values, string>>>({});
  const create = useMutation({
    mutationFn: (body: CreateOrganisationBody) => organisationsApi.create(body),
    onSuccess: (org) => {
      void queryClient.invalidateQueries({ queryKey: ['organisations'] });
      notifications.show({ color: 'green', message: t('admin.orgs.created', { name: org.name }) });
      onCreated(org);
    },
  });
  const change = <K extends keyof Values>(field: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };
  const err = (field: keyof Values & string) => errorFor(errors, create.error, field);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs = missingFields(values, ['name', 'slug', 'kind'], t('common.required'));
    setErrors(errs);
    if (hasErrors(errs) || !values.kind) return;
    const country = values.country.trim().toUpperCase() || 'VN';
    create.mutate({
      name: values.name.trim(),
      slug: values.slug.trim(),
      kind: values.kind,
      country,
      provinceCode: country === 'VN' ? values.provinceCode : null,
      website: values.website.trim() || null,
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={create.error} />
        <TextInput
          label={t('admin.orgForm.name')}
          value={values.name}
          onChange={(e) => {
            const name = e.currentTarget.value;
            change('name', name);
            if (!slugTouched) setValues((v) => ({ ...v, slug: slugify(name) }));
          }}
          error={err('name')}
          required
          maxLength={200}
          data-autofocus
          data-testid="org-name"
        />
        <TextInput
          label={t('admin.orgForm.slug')}
          description={t('admin.orgForm.slugHint')}
          value={values.slug}
          onChange={(e) => {
            setSlugTouched(true);
            change('slug', e.currentTarget.value);
          }}
          error={err('slug')}
          required
          maxLength={60}
          autoCapitalize="none"
          spellCheck={false}
          data-testid="org-slug"
        />
        <Select
          label={t('admin.orgForm.kind')}
          data={organisationKinds.map((k) => ({ value: k, label: t(`orgKind.${k}`) }))}
          value={values.kind}
          onChange={(v) => change('kind', isOrganisationKind(v) ? v : null)}
          error={err('kind')}
          required
          comboboxProps={{ withinPortal: true }}
          data-testid="org-kind"
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            label={t('admin.orgForm.country')}
            description={t('admin.orgForm.countryHint')}
            value={values.country}
            onChange={(e) => change('country', e.currentTarget.value.toUpperCase())}
            error={err('country')}
            maxLength={2}
            autoCapitalize="characters"
          />
          {values.country.trim().toUpperCase() === 'VN' && (
            <ProvinceField
              value={values.provinceCode}
              onChange={(code) => change('provinceCode', code)}
              error={err('provinceCode')}
            />
          )}
        </SimpleGrid>
        <TextInput
          label={t('admin.orgForm.website')}
          description={t('admin.orgForm.websiteHint')}
          type="url"
          inputMode="url"
          value={values.website}
          onChange={(e) => change('website', e.currentTarget.value)}
          error={err('website')}
          maxLength={300}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending} data-testid="org-create-submit">
            {t('admin.orgForm.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

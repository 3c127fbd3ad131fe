/**
 * Search the 4IR skills taxonomy on the server (any of vi/en/ja, no accents needed, small typos
 * forgiven) and pick one skill. Used to filter jobs, to declare skills on a profile and to list the
 * skills a job asks for. With `value` it shows the chosen skill; without it, it is a picker that
 * empties itself after each choice (`onChange` hears the skill picked).
 */
import { type ComboboxItem, NativeSelect, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROFICIENCY_MAX, PROFICIENCY_MIN } from '../../../common/talent';
import { skillsApi } from '../../api/endpoints';
import type { SkillSummary } from '../../api/types';

export function SkillSelect({
  label,
  description,
  value,
  onChange,
  exclude = [],
  testId,
  error,
}: {
  label: string;
  description?: string;
  /** The chosen skill's id; leave out for a picker that clears itself after each choice. */
  value?: string | null;
  onChange: (skill: SkillSummary | null) => void;
  /** Skills already chosen elsewhere, not offered again. */
  exclude?: readonly string[];
  testId?: string;
  error?: string;
}) {
  const { t } = useTranslation();
  const picker = value === undefined;
  const [search, setSearch] = useState('');
  const known = useRef(new Map<string, SkillSummary>());
  const selectedLabel = value ? known.current.get(value)?.name : undefined;
  const typed = selectedLabel && search === selectedLabel ? '' : search;
  const [q] = useDebouncedValue(typed.trim(), 250);
  const list = useQuery({
    queryKey: ['skills', 'search', q],
    queryFn: () => skillsApi.list({ q: q || undefined, pageSize: 20 }),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
  // A skill chosen before (e.g. from the URL) is named by its own request.
  const chosen = useQuery({
    queryKey: ['skills', 'one', value],
    queryFn: () => skillsApi.get(value!),
    enabled: !!value && !known.current.has(value),
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (chosen.data) known.current.set(chosen.data.id, chosen.data);
  for (const s of list.data?.items ?? []) known.current.set(s.id, s);

  const options: ComboboxItem[] = (list.data?.items ?? [])
    .filter((s) => !exclude.includes(s.id) || s.id === value)
    .map((s) => ({ value: s.id, label: s.name }));
  const current = value ? known.current.get(value) : undefined;
  if (current && !options.some((o) => o.value === current.id))
    options.unshift({ value: current.id, label: current.name });

  return (
    <Select
      label={label}
      description={description}
      placeholder={t('skills.searchPlaceholder')}
      searchable
      clearable={!picker}
      data={options}
      value={picker ? null : (value ?? null)}
      onChange={(id) => {
        const skill = id ? (known.current.get(id) ?? null) : null;
        onChange(skill);
        if (picker) setSearch('');
      }}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={list.isFetching ? t('common.loading') : t('skills.nothingFound')}
      comboboxProps={{ withinPortal: true }}
      error={error}
      data-testid={testId}
    />
  );
}

/** Proficiency 1–5 as a native select: every step named, works with any keyboard or screen reader. */
export function LevelSelect({
  value,
  onChange,
  label,
  testId,
}: {
  value: number;
  onChange: (level: number) => void;
  label: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const levels: number[] = [];
  for (let l = PROFICIENCY_MIN; l <= PROFICIENCY_MAX; l++) levels.push(l);
  return (
    <NativeSelect
      label={label}
      value={String(value)}
      onChange={(e) => onChange(Number(e.currentTarget.value))}
      data={levels.map((l) => ({ value: String(l), label: t(`proficiency.${l}` as 'proficiency.1') }))}
      data-testid={testId}
    />
  );
}

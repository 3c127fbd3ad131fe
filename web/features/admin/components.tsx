/** Pieces the admin pages share: sortable headers, confirmation dialog, badges, organisation and province pickers. */
import {
  Badge,
  Button,
  type ComboboxItem,
  Group,
  Modal,
  type OptionsFilter,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foldedContains } from '../../../common/text';
import { organisationsApi } from '../../api/endpoints';
import type { OrganisationKind, Role, RoleGrant } from '../../api/types';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { provinceLabel, useProvinces } from './hooks';

/** A column header that sorts the list; `sort` is the list's sort key ("email" or "-email"). */
export function SortableTh<S extends string>({
  label,
  field,
  sort,
  onSort,
  visibleFrom,
  descending = true,
}: {
  label: string;
  field: S;
  sort: string;
  onSort: (sort: string) => void;
  visibleFrom?: 'xs' | 'sm' | 'md';
  /** False when the API has no descending order for this column. */
  descending?: boolean;
}) {
  const { t } = useTranslation();
  const direction = sort === field ? 'ascending' : sort === `-${field}` ? 'descending' : undefined;
  const nextSort = direction === 'ascending' && descending ? `-${field}` : field;
  return (
    <Table.Th aria-sort={direction ?? 'none'} visibleFrom={visibleFrom} className="nowrap">
      <UnstyledButton
        className="sort-button"
        onClick={() => onSort(nextSort)}
        title={t('sort.by', { column: label })}
      >
        {label}
        <span aria-hidden="true">
          {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
        </span>
      </UnstyledButton>
    </Table.Th>
  );
}

export function ConfirmModal({
  opened,
  title,
  message,
  confirmLabel,
  loading,
  error,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  loading: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text>{message}</Text>
        <ErrorAlert error={error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={loading}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={onConfirm} loading={loading} data-testid="confirm-button">
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The roles of an account, one per line: "Học viên · [Demo] Trường …". */
export function RoleList({ grants }: { grants: RoleGrant[] }) {
  const { t } = useTranslation();
  if (grants.length === 0) return null;
  return (
    <Stack gap={2}>
      {grants.map((g) => (
        <Text key={g.id} size="sm" lh={1.35}>
          <Text span fw={600} inherit>
            {t(`role.${g.role}`)}
          </Text>
          {g.organisationName && (
            <Text span c="dimmed" inherit>
              {` · ${g.organisationName}`}
            </Text>
          )}
        </Text>
      ))}
    </Stack>
  );
}

export function StatusBadges({ disabled, locked }: { disabled: boolean; locked: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="wrap">
      {disabled && (
        <Badge color="red" variant="light" size="sm" tt="none" className="status-badge">
          {t('admin.status.disabled')}
        </Badge>
      )}
      {locked && (
        <Badge color="orange" variant="light" size="sm" tt="none" className="status-badge">
          {t('admin.status.locked')}
        </Badge>
      )}
      {!disabled && !locked && (
        <Badge color="green" variant="light" size="sm" tt="none" className="status-badge">
          {t('admin.status.active')}
        </Badge>
      )}
    </Group>
  );
}

export function useRoleOptions(only?: readonly Role[]) {
  const { t } = useTranslation();
  return (roles: readonly Role[]) =>
    roles.filter((r) => !only || only.includes(r)).map((value) => ({ value, label: t(`role.${value}`) }));
}

/** Diacritic-insensitive filter for Select: "ha noi" finds "Hà Nội". */
export const foldFilter: OptionsFilter = ({ options, search }) => {
  if (!search.trim()) return options;
  return options.filter((o) => ('label' in o ? foldedContains(o.label, search) : true));
};

/** Search organisations on the server and pick one; only kinds in `kinds` are offered. */
export function OrganisationSelect({
  value,
  onChange,
  kinds,
  label,
  description,
  required,
  error,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  kinds: readonly OrganisationKind[];
  label: string;
  description?: string;
  required?: boolean;
  error?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<ComboboxItem | null>(null);
  const typed = selected && search === selected.label ? '' : search;
  const [q] = useDebouncedValue(typed.trim(), 250);
  const singleKind = kinds.length === 1 ? kinds[0] : undefined;
  const query = useQuery({
    queryKey: ['organisations', 'options', q, singleKind ?? ''],
    queryFn: () => organisationsApi.list({ q: q || undefined, kind: singleKind, sort: 'name', pageSize: 50 }),
    placeholderData: keepPreviousData,
  });
  const options: ComboboxItem[] = (query.data?.items ?? [])
    .filter((o) => kinds.includes(o.kind))
    .map((o) => {
      const kind = t(`orgKind.${o.kind}`);
      return { value: o.id, label: o.name.includes(kind) ? o.name : `${o.name} (${kind})` };
    });
  if (selected && value === selected.value && !options.some((o) => o.value === selected.value)) {
    options.unshift(selected);
  }
  return (
    <Select
      label={label}
      description={description}
      placeholder={t('admin.user.organisationPlaceholder')}
      searchable
      clearable
      required={required}
      error={error}
      data={options}
      value={value}
      onChange={(id, option) => {
        setSelected(id ? option : null);
        onChange(id);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={query.isFetching ? t('common.loading') : t('admin.user.noOrganisations')}
      comboboxProps={{ withinPortal: true }}
      data-testid="organisation-select"
    />
  );
}

/** The province of an organisation: a list from /api/geo/provinces, or a plain code field without it. */
export function ProvinceField({
  value,
  onChange,
  error,
}: {
  value: string | null;
  onChange: (code: string | null) => void;
  error?: string;
}) {
  const { t, i18n } = useTranslation();
  const { provinces, unavailable } = useProvinces();
  if (unavailable || !provinces) {
    return (
      <TextInput
        label={t('admin.orgForm.provinceCode')}
        description={t('admin.orgForm.provinceCodeHint')}
        value={value ?? ''}
        onChange={(e) => onChange(e.currentTarget.value.trim() || null)}
        inputMode="numeric"
        maxLength={2}
        error={error}
        data-testid="province-code"
      />
    );
  }
  const data = provinces.map((p) => ({
    value: p.code,
    label: provinceLabel(p, i18n.resolvedLanguage ?? 'vi'),
  }));
  return (
    <Select
      label={t('admin.orgForm.province')}
      placeholder={t('admin.orgForm.provincePlaceholder')}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      filter={foldFilter}
      error={error}
      comboboxProps={{ withinPortal: true }}
      data-testid="province-select"
    />
  );
}

/** List state kept in the URL (so back, reload and shared links keep filters) and the admin queries. */
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { geoApi } from '../../api/endpoints';
import type { Province } from '../../api/types';
import { i18n } from '../../i18n';

export const PAGE_SIZE = 20;

type Changes<K extends string> = Partial<Record<K | 'page', string | number | null | undefined>>;

export function useListParams<K extends string>() {
  const [params, setParams] = useSearchParams();
  const get = (key: K) => params.get(key) ?? '';
  const page = Math.max(1, Math.floor(Number(params.get('page'))) || 1);
  /** Apply changes; any change other than the page itself goes back to page 1. */
  const update = (changes: Changes<K>) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value === undefined || value === null || value === '' || (key === 'page' && value === 1))
            next.delete(key);
          else next.set(key, String(value));
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace: !('page' in changes) },
    );
  };
  return { get, page, update, params };
}

/** A search box bound to the `q` URL parameter, debounced so typing does not fire a request per key. */
export function useSearchParam(current: string, apply: (q: string) => void) {
  const [value, setValue] = useState(current);
  const [debounced] = useDebouncedValue(value, 300);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced text triggers a search
  useEffect(() => {
    if (debounced.trim() !== current) apply(debounced.trim());
  }, [debounced]);
  // Follow the URL when it changes from elsewhere (back button, "clear filters").
  // biome-ignore lint/correctness/useExhaustiveDependencies: only an outside change of the URL resets the box
  useEffect(() => {
    if (current !== value.trim()) setValue(current);
  }, [current]);
  return [value, setValue] as const;
}

/** Provinces for the organisation forms. The endpoint may be missing on older servers: then `null`. */
export function useProvinces() {
  const query = useQuery({
    queryKey: ['geo', 'provinces'],
    queryFn: geoApi.provinces,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const unavailable = query.isError && (!(query.error instanceof ApiError) || query.error.status >= 400);
  return { provinces: query.data?.items ?? null, isPending: query.isPending, unavailable };
}

export const provinceLabel = (p: Province, locale: string) => (locale === 'vi' ? p.name : p.nameEn);

export function useProvinceName() {
  const { provinces } = useProvinces();
  return (code: string | null) => {
    if (!code) return '';
    const p = provinces?.find((x) => x.code === code);
    return p ? provinceLabel(p, i18n.resolvedLanguage ?? 'vi') : code;
  };
}

export { keepPreviousData };

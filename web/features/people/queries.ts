/** The people registry's queries. Person pages are never cached across visits: each read is audited. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { peopleApi } from '../../api/endpoints';
import type { PersonListQuery } from '../../api/types';

export function usePeople(query: PersonListQuery) {
  return useQuery({
    queryKey: ['people', 'list', query],
    queryFn: () => peopleApi.list(query),
    placeholderData: keepPreviousData,
  });
}

export function usePerson(personId: string) {
  return useQuery({
    queryKey: ['people', 'page', personId],
    queryFn: () => peopleApi.get(personId),
    // One read per visit: no refetch on focus or reconnect, each would be logged as another read.
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: false,
  });
}

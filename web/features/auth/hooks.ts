/** The signed-in account (`me`) and the things that change it: log in/out, register, language. */
import { notifications } from '@mantine/notifications';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isLocale, type Locale } from '../../../common/i18n/locales';
import { authApi } from '../../api/endpoints';
import type { LoginBody, Me, RegisterBody } from '../../api/types';
import { i18n, rememberLocale, storedLocale } from '../../i18n';

export const meQuery = queryOptions({
  queryKey: ['me'] as const,
  queryFn: authApi.me,
  staleTime: 5 * 60_000,
});

export function useMe() {
  const query = useQuery(meQuery);
  return { ...query, me: query.data?.user ?? null };
}

/** Follow the account's language when this device has no explicit choice of its own. */
function adoptAccountLocale(user: Me) {
  if (!storedLocale() && isLocale(user.locale) && user.locale !== i18n.resolvedLanguage) {
    void i18n.changeLanguage(user.locale);
  }
}

export function useLogin() {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  return useMutation({
    mutationFn: (body: LoginBody) => authApi.login(body),
    onSuccess: ({ user }) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      queryClient.setQueryData(meQuery.queryKey, { user });
      adoptAccountLocale(user);
      notifications.show({ color: 'green', message: t('auth.login.success', { name: user.displayName }) });
    },
  });
}

export function useRegister() {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  return useMutation({
    mutationFn: (body: RegisterBody) => authApi.register(body),
    onSuccess: ({ user }) => {
      queryClient.setQueryData(meQuery.queryKey, { user });
      notifications.show({ color: 'green', message: t('auth.register.success', { name: user.displayName }) });
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  return useMutation({
    mutationFn: authApi.logout,
    onSuccess: () => {
      // Nothing an account could see may stay in the cache after it leaves.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      queryClient.setQueryData(meQuery.queryKey, { user: null });
      notifications.show({ color: 'blue', message: t('auth.logoutDone') });
    },
  });
}

/** Change the language: UI, localStorage, cookie and — when signed in — the account. */
export function useSetLanguage() {
  const { me } = useMe();
  const signedIn = me !== null;
  return useCallback(
    async (value: string | null) => {
      if (!isLocale(value)) return;
      const locale: Locale = value;
      rememberLocale(locale);
      await i18n.changeLanguage(locale);
      // Best effort: the choice already holds on this device if the account cannot be updated.
      if (signedIn) await authApi.setLocale(locale).catch(() => undefined);
    },
    [signedIn],
  );
}

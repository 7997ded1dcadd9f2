import { useMemo } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { BaseSettings, KeyConflict, Pagination } from '../types';

/** PUT /contacts/settings and the list of what blocks a key change; callers show errors (a 409 names the conflicts). */
export const useSettingsApi = () => {
  const { get, put } = useFetchClient();
  return useMemo(
    () => ({
      update: async (settings: Partial<BaseSettings>) =>
        (await put<{ data: BaseSettings }>('/contacts/settings', settings)).data.data,
      conflicts: async (key: BaseSettings['uniqueKey'], page: number, pageSize = 10) =>
        (
          await get<{ data: KeyConflict[]; meta: { pagination: Pagination } }>('/contacts/settings/conflicts', {
            params: { key, page, pageSize },
          })
        ).data,
    }),
    [get, put],
  );
};

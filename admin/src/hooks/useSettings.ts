import { useFetchClient } from '@strapi/strapi/admin';
import type { BaseSettings } from '../types';
import { useLoaded } from './useLoaded';

/**
 * The base's settings (the unicity key). Any role of the plugin may read them:
 * the contact form and the import wizard need the key; `set` shows a saved change at once.
 */
export const useSettings = () => {
  const { get } = useFetchClient();
  const { data, error, isLoading, set } = useLoaded('settings', async () => (await get<{ data: BaseSettings }>('/contacts/settings')).data.data);
  return { settings: data, error, isLoading, set };
};

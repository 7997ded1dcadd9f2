import { useMemo } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { ContactField } from '../types';

export interface FieldInput {
  key?: string;
  label: string;
  type?: ContactField['type'];
  options?: string[];
  allowUnknownValues?: boolean;
  required?: boolean;
}

const url = (documentId: string) => `/contacts/fields/${encodeURIComponent(documentId)}`;

/** Field definitions through the admin API; callers show the errors. */
export const useFieldApi = () => {
  const { get, post, put, del } = useFetchClient();
  return useMemo(
    () => ({
      findOne: async (documentId: string) => (await get<{ data: ContactField & { usage: number } }>(url(documentId))).data.data,
      create: async (input: FieldInput) => (await post<{ data: ContactField }>('/contacts/fields', input)).data.data,
      update: async (documentId: string, input: Partial<FieldInput>) =>
        (await put<{ data: ContactField }>(url(documentId), input)).data.data,
      /** `confirm` deletes the values contacts hold too; without it a field in use answers 400. */
      remove: async (documentId: string, confirm: boolean) => {
        await del(url(documentId), confirm ? { params: { confirm: 'true' } } : undefined);
      },
    }),
    [get, post, put, del],
  );
};

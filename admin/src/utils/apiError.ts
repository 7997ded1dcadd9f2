import { isFetchError } from '@strapi/strapi/admin';
import type { FieldErrors } from '../types';

export interface ApiErrorInfo {
  status?: number;
  message?: string;
  fieldErrors: FieldErrors;
  /** `details.path`: where in the body the problem is (a criteria condition: "criteria.conditions.0.value"). */
  path?: string;
}

/**
 * Reads Strapi's error shape `{ error: { status, message, details } }`.
 * Our services put a map `details.errors` (path → message); yup validation puts
 * a list `[{ path, message }]`; a uniqueness clash names the column in `details`.
 */
export const readApiError = (error: unknown): ApiErrorInfo => {
  if (!isFetchError(error)) {
    return { message: error instanceof Error ? error.message : undefined, fieldErrors: {} };
  }
  const apiError = error.response?.data?.error as
    | { status?: number; message?: string; details?: Record<string, unknown> }
    | undefined;
  const details = apiError?.details ?? {};
  const fieldErrors: FieldErrors = {};
  const listed = details.errors;
  if (Array.isArray(listed)) {
    for (const item of listed as Array<{ path?: string | string[]; message?: string }>) {
      const path = Array.isArray(item.path) ? item.path.join('.') : item.path;
      if (path && item.message) fieldErrors[path] = item.message;
    }
  } else if (listed && typeof listed === 'object') {
    for (const [path, message] of Object.entries(listed as Record<string, unknown>)) {
      if (typeof message === 'string') fieldErrors[path] = message;
    }
  } else if (apiError?.message) {
    for (const key of ['email', 'mobile']) {
      if (typeof details[key] === 'string') fieldErrors[key] = apiError.message;
    }
  }
  return {
    status: apiError?.status ?? error.status,
    message: apiError?.message || error.message,
    fieldErrors,
    ...(typeof details.path === 'string' ? { path: details.path } : {}),
  };
};

import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import { useNotification } from '@strapi/strapi/admin';
import { readApiError } from '../utils/apiError';
import { getTranslation } from '../utils/getTranslation';

const isAbort = (error: unknown) => error instanceof Error && error.name === 'AbortError';

/** Shows the API's own message (it is written for people) in a danger notification. */
export const useApiErrorNotification = () => {
  const { toggleNotification } = useNotification();
  const { formatMessage } = useIntl();
  return useCallback(
    (error: unknown) => {
      if (isAbort(error)) return;
      const { message } = readApiError(error);
      toggleNotification({
        type: 'danger',
        message: message || formatMessage({ id: getTranslation('error.unknown'), defaultMessage: 'Something went wrong' }),
      });
    },
    [toggleNotification, formatMessage],
  );
};

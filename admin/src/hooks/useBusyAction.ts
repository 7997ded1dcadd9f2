import { useState } from 'react';
import { useApiErrorNotification } from './useApiErrorNotification';

/**
 * The action of a dialog: `busy` while it runs, `onDone` once it succeeded
 * (the dialog closes); a refusal shows as a notification and the dialog stays.
 */
export const useBusyAction = (action: () => Promise<void>, onDone: () => void) => {
  const notifyError = useApiErrorNotification();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await action();
      onDone();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
};

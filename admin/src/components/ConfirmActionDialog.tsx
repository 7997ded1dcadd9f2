import { Button, Dialog } from '@strapi/design-system';
import { ConfirmDialog } from '@strapi/strapi/admin';
import { useBusyAction } from '../hooks/useBusyAction';

interface ConfirmActionDialogProps {
  title: string;
  children: React.ReactNode;
  confirmLabel: string;
  /** Runs the action; the dialog stays open (button loading) until it answers, and closes when it succeeds. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
}

/** Asks before an action that cannot be undone; the API's refusal shows as a notification and the dialog stays. */
export const ConfirmActionDialog = ({ title, children, confirmLabel, onConfirm, onClose }: ConfirmActionDialogProps) => {
  const { busy, run } = useBusyAction(onConfirm, onClose);

  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <ConfirmDialog
        title={title}
        endAction={
          <Button fullWidth variant="danger-light" loading={busy} onClick={run}>
            {confirmLabel}
          </Button>
        }
      >
        {children}
      </ConfirmDialog>
    </Dialog.Root>
  );
};

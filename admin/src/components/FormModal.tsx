import { Button, Flex, Modal } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { useBusyAction } from '../hooks/useBusyAction';
import { getTranslation } from '../utils/getTranslation';

interface FormModalProps {
  title: string;
  confirmLabel: string;
  children: React.ReactNode;
  /** The form is not ready to submit. */
  disabled?: boolean;
  /** Runs the action; the modal stays open (button loading) until it answers, and closes when it succeeds. */
  onSubmit: () => Promise<void>;
  onClose: () => void;
  /** After a successful submit, instead of closing (the caller shows what comes next). */
  onDone?: () => void;
}

/** A small form in a modal whose submit calls the API; a refusal shows as a notification and the modal stays. */
export const FormModal = ({ title, confirmLabel, children, disabled, onSubmit, onClose, onDone }: FormModalProps) => {
  const { formatMessage } = useIntl();
  const { busy, run } = useBusyAction(onSubmit, onDone ?? onClose);
  const cancel = formatMessage({ id: getTranslation('fields.form.cancel'), defaultMessage: 'Cancel' });

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!disabled) run();
  };

  return (
    <Modal.Root open onOpenChange={(open) => !open && onClose()}>
      <Modal.Content>
        <form onSubmit={submit} noValidate>
          <Modal.Header closeLabel={cancel}>
            <Modal.Title>{title}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              {children}
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">{cancel}</Button>
            </Modal.Close>
            <Button type="submit" startIcon={<Check />} loading={busy} disabled={disabled}>
              {confirmLabel}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};

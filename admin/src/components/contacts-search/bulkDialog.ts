import type { ContactsTarget } from '../../segmentTypes';

/** What every bulk dialog of the contacts page is given. */
export interface BulkDialogProps {
  mode: 'add' | 'remove';
  /** How many contacts the action names (the selection, or every result). */
  count: number;
  /** The contacts acted on, read when the person confirms. */
  resolveTarget: () => Promise<ContactsTarget>;
  onClose: () => void;
  onDone: () => void;
}

import { Field, VisuallyHidden } from '@strapi/design-system';

/** The input's label; hidden (still read out and still naming the input) where a row of inputs says what each is. */
export const InputLabel = ({ label, hidden }: { label: string; hidden?: boolean }) =>
  hidden ? (
    <VisuallyHidden>
      <Field.Label>{label}</Field.Label>
    </VisuallyHidden>
  ) : (
    <Field.Label>{label}</Field.Label>
  );

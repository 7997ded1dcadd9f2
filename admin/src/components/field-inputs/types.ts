export interface InputBaseProps {
  /** Field path, also used as the input name ("email", "attributes.birthday"). */
  name: string;
  label: string;
  /** The label names the input for screen readers only (rows of inputs whose place says what each is). */
  labelHidden?: boolean;
  error?: string;
  hint?: string;
  required?: boolean;
  disabled?: boolean;
}

export interface SelectOption {
  value: string;
  label: string;
}

export interface InputBaseProps {
  /** Field path, also used as the input name ("email", "attributes.birthday"). */
  name: string;
  label: string;
  error?: string;
  hint?: string;
  required?: boolean;
  disabled?: boolean;
}

export interface SelectOption {
  value: string;
  label: string;
}

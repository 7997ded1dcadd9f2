import { Box, Field, Flex, Radio, Typography } from '@strapi/design-system';

export interface RadioChoice<V extends string> {
  value: V;
  label: string;
  hint?: string;
}

interface RadioFieldProps<V extends string> {
  name: string;
  label: string;
  value: V;
  choices: Array<RadioChoice<V>>;
  onChange: (value: V) => void;
  /** Side by side (short labels such as CSV / XLSX) rather than one per line. */
  inline?: boolean;
}

/** A labelled group of radio buttons, each with an optional hint under it. */
export const RadioField = <V extends string>({ name, label, value, choices, onChange, inline }: RadioFieldProps<V>) => (
  <Field.Root name={name}>
    <Field.Label>{label}</Field.Label>
    <Radio.Group value={value} onValueChange={(v) => onChange(v as V)} aria-label={label}>
      <Flex direction={inline ? 'row' : 'column'} alignItems="flex-start" gap={inline ? 6 : 1}>
        {choices.map((c) => (
          <Box key={c.value}>
            <Radio.Item value={c.value}>{c.label}</Radio.Item>
            {c.hint && (
              <Box paddingLeft={6}>
                <Typography variant="pi" textColor="neutral600">
                  {c.hint}
                </Typography>
              </Box>
            )}
          </Box>
        ))}
      </Flex>
    </Radio.Group>
  </Field.Root>
);

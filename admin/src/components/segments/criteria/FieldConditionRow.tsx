import { Box, Flex, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { Operator } from '../../../../../shared/segments';
import { getTranslation } from '../../../utils/getTranslation';
import { useBuilder } from './BuilderContext';
import { ConditionValue } from './ConditionValue';
import { operatorsOf, withField, withOperator, type DraftFieldCondition } from './criteriaModel';
import { useCriteriaLabels } from './useCriteriaLabels';

/** field · operator (those of the field's kind) · value (the input the operator calls for). */
export const FieldConditionRow = ({ node }: { node: DraftFieldCondition }) => {
  const { formatMessage } = useIntl();
  const { fields, byKey, change } = useBuilder();
  const labels = useCriteriaLabels();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const field = byKey.get(node.field);
  const set = (next: DraftFieldCondition) => change(node.key, () => next);
  // A field deleted since the criteria were saved stays visible (the server then says so).
  const options = node.field && !field ? [...fields, { key: node.field, label: node.field }] : fields;

  return (
    <Flex gap={2} alignItems="flex-start" wrap="wrap" flex="1">
      <Box width="18rem">
        <SingleSelect
          aria-label={t('segments.condition.field', 'Field')}
          placeholder={t('segments.condition.field.placeholder', 'Choose a field')}
          value={node.field || undefined}
          onChange={(key) => {
            const next = byKey.get(String(key));
            if (next) set(withField(node, next.key, next.kind));
          }}
        >
          {options.map((f) => (
            <SingleSelectOption key={f.key} value={f.key}>
              {f.label}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Box>
      {field && (
        <Box width="16rem">
          <SingleSelect
            aria-label={t('segments.condition.operator', 'Operator')}
            value={node.operator || undefined}
              onChange={(op) => set(withOperator(node, String(op) as Operator))}
          >
            {operatorsOf(field.kind).map((op) => (
              <SingleSelectOption key={op} value={op}>
                {labels.operator(op)}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Box>
      )}
      {field && node.operator && (
        <Box flex="1" minWidth="18rem">
          <ConditionValue
            name={`criteria.${node.key}.value`}
            field={field}
            operator={node.operator}
            value={node.value}
            onChange={(value) => set({ ...node, value })}
          />
        </Box>
      )}
    </Flex>
  );
};

import { Fragment } from 'react';
import { Box, Button, Flex, IconButton, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import { useIntl } from 'react-intl';
import type { Match } from '../../../../../shared/segments';
import { getTranslation } from '../../../utils/getTranslation';
import { useBuilder } from './BuilderContext';
import { canNest, emptyGroup, newFieldCondition, newMembership, newSearch, type DraftGroup, type DraftNode } from './criteriaModel';
import { FieldConditionRow } from './FieldConditionRow';
import { MembershipRow } from './MembershipRow';
import { SearchConditionRow } from './SearchConditionRow';

const ErrorText = ({ message }: { message?: string }) =>
  message ? (
    <Typography variant="pi" textColor="danger600" data-testid="condition-error">
      {message}
    </Typography>
  ) : null;

/** A condition with its remove button and, under it, what the server said about it. */
const ConditionShell = ({ node }: { node: Exclude<DraftNode, DraftGroup> }) => {
  const { formatMessage } = useIntl();
  const { errors, change } = useBuilder();
  return (
    <Flex direction="column" alignItems="stretch" gap={1} data-testid="criteria-condition" data-type={node.type}>
      <Flex gap={2} alignItems="flex-start">
        {node.type === 'field' ? (
          <FieldConditionRow node={node} />
        ) : node.type === 'search' ? (
          <SearchConditionRow node={node} />
        ) : (
          <MembershipRow node={node} />
        )}
        <IconButton
          variant="ghost"
          withTooltip={false}
          label={formatMessage({ id: getTranslation('segments.condition.remove'), defaultMessage: 'Remove this condition' })}
          onClick={() => change(node.key, () => null)}
        >
          <Trash />
        </IconButton>
      </Flex>
      <ErrorText message={errors[node.key]} />
    </Flex>
  );
};

/**
 * A group: ALL or ANY of its conditions, each a field condition, a segment or
 * import rule, or a nested group (as deep as the compiler allows).
 */
export const CriteriaGroupEditor = ({ group, depth }: { group: DraftGroup; depth: number }) => {
  const { formatMessage } = useIntl();
  const { segments, imports, errors, canAdd, change, add } = useBuilder();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const nested = depth > 0;
  // A nested group starts with the other match: "all of (… or …)" is why one nests.
  const adders = [
    { id: 'condition', label: 'Condition', show: true, node: newFieldCondition },
    { id: 'group', label: 'Group', show: canNest(depth), node: () => emptyGroup(group.match === 'all' ? 'any' : 'all') },
    { id: 'inSegment', label: 'In a segment', show: !!segments, node: () => newMembership('inSegment') },
    { id: 'inImport', label: 'In an import', show: !!imports, node: () => newMembership('inImport') },
    { id: 'search', label: 'Quick search', show: true, node: () => newSearch() },
  ].filter((a) => a.show);

  return (
    <Box
      padding={nested ? 4 : 0}
      hasRadius={nested}
      background={nested ? (depth % 2 ? 'neutral100' : 'neutral0') : undefined}
      borderColor={nested ? 'neutral200' : undefined}
      data-testid="criteria-group"
      data-depth={depth}
    >
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Flex justifyContent="space-between" alignItems="center" gap={2}>
          <Flex gap={2} alignItems="center">
            <Typography textColor="neutral800">
              {t('segments.group.matching', 'Contacts matching')}
            </Typography>
            <Box width="24rem">
              <SingleSelect
                aria-label={t('segments.group.match', 'Match')}
                value={group.match}
                onChange={(v) => change(group.key, (g) => ({ ...(g as DraftGroup), match: v as Match }))}
              >
                <SingleSelectOption value="all">{t('segments.group.all', 'all of these conditions (AND)')}</SingleSelectOption>
                <SingleSelectOption value="any">{t('segments.group.any', 'any of these conditions (OR)')}</SingleSelectOption>
              </SingleSelect>
            </Box>
          </Flex>
          {nested && (
            <IconButton variant="ghost" withTooltip={false} label={t('segments.group.remove', 'Remove this group')} onClick={() => change(group.key, () => null)}>
              <Trash />
            </IconButton>
          )}
        </Flex>
        <ErrorText message={errors[group.key]} />
        {group.conditions.length === 0 && (
          <Typography variant="pi" textColor="neutral600">
            {nested
              ? t('segments.group.emptyNested', 'An empty group is left out until it has a condition.')
              : t('segments.group.empty', 'No condition yet: every contact matches.')}
          </Typography>
        )}
        {group.conditions.map((node, i) => (
          <Fragment key={node.key}>
            {i > 0 && (
              <Typography variant="sigma" textColor="neutral600">
                {group.match === 'all' ? t('segments.group.and', 'and') : t('segments.group.or', 'or')}
              </Typography>
            )}
            {node.type === 'group' ? <CriteriaGroupEditor group={node} depth={depth + 1} /> : <ConditionShell node={node} />}
          </Fragment>
        ))}
        <Flex gap={2} wrap="wrap">
          {adders.map((a) => (
            <Button key={a.id} size="S" variant="tertiary" startIcon={<Plus />} disabled={!canAdd} onClick={() => add(group.key, a.node())}>
              {t(`segments.add.${a.id}`, a.label)}
            </Button>
          ))}
        </Flex>
      </Flex>
    </Box>
  );
};

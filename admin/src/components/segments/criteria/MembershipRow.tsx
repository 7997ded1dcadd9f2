import { Box, Flex, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../../utils/getTranslation';
import { useBuilder } from './BuilderContext';
import type { DraftMembership } from './criteriaModel';

/** "is in / is not in" a segment (its stored membership), or "was created or updated by / not by" an import. */
export const MembershipRow = ({ node }: { node: DraftMembership }) => {
  const { formatMessage, formatDate } = useIntl();
  const { segments, imports, excludeSegment, change } = useBuilder();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const isSegment = node.type === 'inSegment';
  const listed = (isSegment ? segments : imports) ?? [];
  // A segment cannot include itself; a target deleted since (or not listed) stays visible by its id.
  const options = listed.filter((o) => o.documentId !== excludeSegment);
  const all = node.target && !options.some((o) => o.documentId === node.target) ? [...options, { documentId: node.target, name: node.target }] : options;
  const set = (patch: Partial<DraftMembership>) => change(node.key, (n) => ({ ...n, ...patch }) as DraftMembership);
  const detail = (d?: string) => (!d ? '' : isSegment ? '' : ` · ${formatDate(d, { dateStyle: 'medium', timeStyle: 'short' })}`);

  return (
    <Flex gap={2} alignItems="flex-start" wrap="wrap" flex="1">
      <Box width="18rem">
        <SingleSelect
          aria-label={isSegment ? t('segments.condition.inSegment', 'In segment') : t('segments.condition.inImport', 'In import')}
          value={node.not ? 'not' : 'in'}
          onChange={(v) => set({ not: v === 'not' })}
        >
          <SingleSelectOption value="in">
            {isSegment ? t('segments.condition.inSegment.in', 'Is in the segment') : t('segments.condition.inImport.in', 'Was imported by')}
          </SingleSelectOption>
          <SingleSelectOption value="not">
            {isSegment ? t('segments.condition.inSegment.not', 'Is not in the segment') : t('segments.condition.inImport.not', 'Was not imported by')}
          </SingleSelectOption>
        </SingleSelect>
      </Box>
      <Box flex="1" minWidth="18rem">
        <SingleSelect
          aria-label={isSegment ? t('segments.condition.segment', 'Segment') : t('segments.condition.import', 'Import')}
          placeholder={isSegment ? t('segments.condition.segment.placeholder', 'Choose a segment') : t('segments.condition.import.placeholder', 'Choose an import')}
          value={node.target || undefined}
          onChange={(v) => set({ target: String(v) })}
        >
          {all.map((o) => (
            <SingleSelectOption key={o.documentId} value={o.documentId}>
              {`${o.name}${detail(o.detail)}`}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Box>
    </Flex>
  );
};

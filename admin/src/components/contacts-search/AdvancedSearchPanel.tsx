import { Button, Flex } from '@strapi/design-system';
import { Cross, Lightning, Stack } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';
import { Card } from '../Card';
import { CriteriaBuilder } from '../segments/criteria/CriteriaBuilder';
import { emptyGroup, type DraftGroup } from '../segments/criteria/criteriaModel';

interface AdvancedSearchPanelProps {
  draft: DraftGroup;
  onChange: (draft: DraftGroup) => void;
  errors: Record<string, string>;
  /** The search (its conditions or the quick search) narrows the contacts: it can become a segment. */
  hasCriteria: boolean;
  canCreateSegments: boolean;
  canFillSegments: boolean;
  onSave: (mode: 'dynamic' | 'static') => void;
}

/** The segment builder as a search of the contacts, and the ways to keep its result as a segment. */
export const AdvancedSearchPanel = ({
  draft,
  onChange,
  errors,
  hasCriteria,
  canCreateSegments,
  canFillSegments,
  onSave,
}: AdvancedSearchPanelProps) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  return (
    <Card
      title={t('search.advanced.title', 'Advanced search')}
      data-testid="advanced-search"
      actions={
        draft.conditions.length > 0 && (
          <Button variant="tertiary" size="S" startIcon={<Cross />} onClick={() => onChange(emptyGroup())}>
            {t('search.advanced.clear', 'Clear the conditions')}
          </Button>
        )
      }
    >
      <CriteriaBuilder value={draft} onChange={onChange} errors={errors} />
      {canCreateSegments && (
        <Flex gap={2} wrap="wrap" alignItems="center">
          <Button variant="secondary" startIcon={<Lightning />} disabled={!hasCriteria} onClick={() => onSave('dynamic')}>
            {t('search.saveDynamic', 'Save as a dynamic segment')}
          </Button>
          {canFillSegments && (
            <Button variant="secondary" startIcon={<Stack />} onClick={() => onSave('static')}>
              {t('search.freeze', 'Freeze into a static segment')}
            </Button>
          )}
        </Flex>
      )}
    </Card>
  );
};

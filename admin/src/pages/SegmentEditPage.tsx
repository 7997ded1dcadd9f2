import { Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useParams } from 'react-router-dom';
import { SegmentEditor } from '../components/segments/SegmentEditor';
import { useSegment } from '../hooks/useSegment';
import { useSegmentPermissions } from '../hooks/useSegmentPermissions';
import { getTranslation } from '../utils/getTranslation';

/** /segments/new (documentId absent) and /segments/:documentId: the builder. */
export const SegmentEditPage = () => {
  const { documentId } = useParams<{ documentId: string }>();
  const { formatMessage } = useIntl();
  const permissions = useSegmentPermissions();
  const { segment, isLoading, error, reload } = useSegment(documentId);

  if (permissions.isLoading || isLoading) return <Page.Loading />;
  if (documentId ? !permissions.canRead : !permissions.canCreate) return <Page.NoPermissions />;
  if (error || (documentId && !segment)) return <Page.Error />;
  return (
    <Page.Main>
      <Page.Title>{segment?.name ?? formatMessage({ id: getTranslation('segments.new'), defaultMessage: 'New segment' })}</Page.Title>
      <SegmentEditor
        // A refresh reloads the segment: its count changes, the draft being edited stays.
        key={documentId ?? 'new'}
        segment={segment}
        canSave={documentId ? permissions.canManage : permissions.canCreate}
        canRefresh={permissions.canManage || permissions.canCreate}
        onRefreshed={reload}
      />
    </Page.Main>
  );
};

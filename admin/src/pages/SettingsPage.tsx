import { Flex } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { QueueHealthCard } from '../components/settings/QueueHealthCard';
import { UniqueKeySettings } from '../components/settings/UniqueKeySettings';
import { useSettings } from '../hooks/useSettings';
import { useSettingsPermissions } from '../hooks/useSettingsPermissions';
import { getTranslation } from '../utils/getTranslation';

/** Settings of the contact base; read-only for a role without the settings action. */
export const SettingsPage = () => {
  const { formatMessage } = useIntl();
  const permissions = useSettingsPermissions();
  const { settings, error, isLoading, set } = useSettings();
  const title = formatMessage({ id: getTranslation('settings.title'), defaultMessage: 'Settings' });

  if (permissions.isLoading || isLoading) return <Page.Loading />;
  if (error || !settings) {
    return (
      <Page.Main>
        <Page.Title>{title}</Page.Title>
        <Page.Error />
      </Page.Main>
    );
  }
  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={formatMessage({ id: getTranslation('settings.subtitle'), defaultMessage: 'How the contact base works' })}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {/* Keyed by the saved key so a saved change starts the form afresh. */}
          <UniqueKeySettings key={settings.uniqueKey} settings={settings} canManage={permissions.canManage} onSaved={set} />
          {/* The health route is behind the settings action. */}
          {permissions.canManage && <QueueHealthCard />}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

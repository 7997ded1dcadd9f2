import { SubNav } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useFieldPermissions } from '../hooks/useFieldPermissions';
import { useImportPermissions } from '../hooks/useImportPermissions';
import { useSettingsPermissions } from '../hooks/useSettingsPermissions';
import { getTranslation } from '../utils/getTranslation';
import { CONTACTS_PATH, FIELDS_PATH, IMPORTS_PATH, SETTINGS_PATH } from '../utils/paths';

/** The plugin's own menu: each entry shows only for a role that may read it. */
export const ContactsNav = () => {
  const { formatMessage } = useIntl();
  const imports = useImportPermissions();
  const fields = useFieldPermissions();
  const settings = useSettingsPermissions();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const links = [
    { to: CONTACTS_PATH, label: t('nav.contacts', 'All contacts'), show: true },
    { to: IMPORTS_PATH, label: t('nav.imports', 'Imports'), show: imports.canRead },
    { to: FIELDS_PATH, label: t('nav.fields', 'Fields'), show: fields.canRead },
    // Other roles read the key where they need it (contact form, import options); the page stays reachable read-only.
    { to: SETTINGS_PATH, label: t('nav.settings', 'Settings'), show: settings.canManage },
  ].filter((l) => l.show);

  return (
    <SubNav.Main aria-label={t('plugin.name', 'Contacts')}>
      <SubNav.Header label={t('plugin.name', 'Contacts')} />
      <SubNav.Sections>
        {[
          <SubNav.Section key="main" label={t('nav.section', 'Manage')}>
            {links.map((l) => (
              <SubNav.Link key={l.to} to={l.to} label={l.label} />
            ))}
          </SubNav.Section>,
        ]}
      </SubNav.Sections>
    </SubNav.Main>
  );
};

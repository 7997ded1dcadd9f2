import { Badge } from '@strapi/design-system';
import { SubNav } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useExportPermissions } from '../hooks/useExportPermissions';
import { useFieldPermissions } from '../hooks/useFieldPermissions';
import { useImportPermissions } from '../hooks/useImportPermissions';
import { useSegmentPermissions } from '../hooks/useSegmentPermissions';
import { useSettingsPermissions } from '../hooks/useSettingsPermissions';
import { useUnseenJobs } from '../jobs/jobsStore';
import { getTranslation } from '../utils/getTranslation';
import { CONTACTS_PATH, EXPORTS_PATH, FIELDS_PATH, IMPORTS_PATH, RECURRING_IMPORTS_PATH, SCHEDULED_EXPORTS_PATH, SEGMENTS_PATH, SETTINGS_PATH } from '../utils/paths';

/** The plugin's own menu: each entry shows only for a role that may read it; a badge counts ended jobs not looked at yet. */
export const ContactsNav = () => {
  const { formatMessage } = useIntl();
  const imports = useImportPermissions();
  const segments = useSegmentPermissions();
  const exports = useExportPermissions();
  const fields = useFieldPermissions();
  const settings = useSettingsPermissions();
  const unseen = useUnseenJobs();
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);
  const links = [
    { to: CONTACTS_PATH, label: t('nav.contacts', 'All contacts'), show: true, unseen: 0 },
    { to: SEGMENTS_PATH, label: t('nav.segments', 'Segments'), show: segments.canRead, unseen: unseen.of('refresh') },
    { to: IMPORTS_PATH, label: t('nav.imports', 'Imports'), show: imports.canRead, unseen: unseen.of('import') },
    { to: RECURRING_IMPORTS_PATH, label: t('nav.recurringImports', 'Recurring imports'), show: imports.canRead, unseen: 0 },
    { to: EXPORTS_PATH, label: t('nav.exports', 'Exports'), show: exports.canRead, unseen: unseen.of('export') },
    { to: SCHEDULED_EXPORTS_PATH, label: t('nav.scheduledExports', 'Scheduled exports'), show: exports.canRead, unseen: 0 },
    { to: FIELDS_PATH, label: t('nav.fields', 'Fields'), show: fields.canRead, unseen: 0 },
    // Other roles read the key where they need it (contact form, import options); the page stays reachable read-only.
    { to: SETTINGS_PATH, label: t('nav.settings', 'Settings'), show: settings.canManage, unseen: 0 },
  ].filter((l) => l.show);

  return (
    <SubNav.Main aria-label={t('plugin.name', 'Contacts')}>
      <SubNav.Header label={t('plugin.name', 'Contacts')} />
      <SubNav.Sections>
        {[
          <SubNav.Section key="main" label={t('nav.section', 'Manage')}>
            {links.map((l) => (
              <SubNav.Link
                key={l.to}
                to={l.to}
                label={l.label}
                endAction={
                  l.unseen > 0 ? (
                    <Badge
                      variant="danger"
                      size="S"
                      data-testid="nav-jobs-badge"
                      aria-label={t('nav.jobsEnded', '{count, plural, one {# job ended} other {# jobs ended}}', { count: l.unseen })}
                    >
                      {l.unseen}
                    </Badge>
                  ) : undefined
                }
              />
            ))}
          </SubNav.Section>,
        ]}
      </SubNav.Sections>
    </SubNav.Main>
  );
};

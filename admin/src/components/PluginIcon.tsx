import { User } from '@strapi/icons';
import { useUnseenJobs } from '../jobs/jobsStore';

/**
 * The plugin's icon in Strapi's main menu, with a dot while an import or a
 * refresh this tab started has ended and the person has not looked at it.
 */
export const PluginIcon = () => {
  const { total } = useUnseenJobs();
  return (
    <span style={{ position: 'relative', display: 'inline-flex' }}>
      <User />
      {total > 0 && (
        <span
          data-testid="contacts-jobs-dot"
          style={{
            position: 'absolute',
            top: -3,
            right: -4,
            width: 8,
            height: 8,
            borderRadius: '50%',
            background: 'var(--strapi-danger-600, #d02b20)',
          }}
        />
      )}
    </span>
  );
};

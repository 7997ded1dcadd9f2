import { PLUGIN_ID } from './pluginId';
import { PluginIcon } from './components/PluginIcon';
import { PERMISSIONS } from '../../shared/constants';

const prefixKeys = (messages: Record<string, string>) =>
  Object.fromEntries(Object.entries(messages).map(([k, v]) => [`${PLUGIN_ID}.${k}`, v]));

export default {
  register(app: any) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: PluginIcon,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: 'Contacts' },
      permissions: [{ action: PERMISSIONS.contacts.read, subject: null }],
      Component: () => import('./pages/App').then((m) => ({ default: m.App })),
    });
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = await import(`./translations/${locale}.json`);
          return { data: prefixKeys(data), locale };
        } catch {
          return { data: {}, locale };
        }
      }),
    );
  },
};

import { PLUGIN_ID } from '../pluginId';

/** Message ids in translations/*.json are unprefixed; registerTrads prefixes them with the plugin id. */
export const getTranslation = (id: string) => `${PLUGIN_ID}.${id}`;

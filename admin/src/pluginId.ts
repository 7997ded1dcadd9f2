export const PLUGIN_ID = 'contacts';

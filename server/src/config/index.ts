import { configSchema, type ContactsConfig } from './schema';

export type { ContactsConfig };

export default {
  default: (): ContactsConfig => configSchema.getDefault() as ContactsConfig,
  validator(config: unknown) {
    configSchema.validateSync(config, { strict: false, abortEarly: false });
  },
};

import { createExportSchema, listExportsSchema } from '../../../export/request';

/** The export request is checked by the exports service (the CLI comes through it too); the list query here. */
export { createExportSchema, listExportsSchema };

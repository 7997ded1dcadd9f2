/**
 * Script of the import worker thread, built as its own small bundle
 * (package.json exports "./import-worker"): the thread loads the read/map
 * stages only, not Strapi's utilities, which keeps its memory low.
 */
import { runImportWorker } from './worker';

runImportWorker();

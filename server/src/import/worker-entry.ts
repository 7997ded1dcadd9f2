/**
 * Script of the import and probe worker threads, built as its own small
 * bundle (package.json exports "./import-worker"): a thread loads the read/map
 * stages only, not Strapi's utilities, which keeps its memory low. Each runner
 * checks its flag in workerData, so one bundle serves both kinds of thread.
 */
import { runProbeWorker } from './probe';
import { runImportWorker } from './worker';

runImportWorker();
runProbeWorker();

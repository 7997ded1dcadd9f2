/**
 * Script of the import (read/map and writer) and probe worker threads, built
 * as its own small bundle (package.json exports "./import-worker"): a thread
 * loads the import stages only, not Strapi, which keeps its memory low. Each
 * runner checks its flag in workerData, so one bundle serves every kind of thread.
 */
import { runSqliteCheckpointer } from '../database/sqlite-checkpointer';
import { runProbeWorker } from './probe';
import { runImportWorker } from './worker';
import { runImportWriter } from './writer-thread';

runImportWorker();
runImportWriter();
runProbeWorker();
runSqliteCheckpointer();

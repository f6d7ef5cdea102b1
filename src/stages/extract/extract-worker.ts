import { serveJobs } from '../workers/serve-jobs.ts';
import { extractInvoice } from './extract.ts';

/** An extraction worker thread (extract-pool.ts): one document at a time. */
serveJobs(extractInvoice);

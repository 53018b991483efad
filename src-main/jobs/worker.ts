import { workerData } from 'node:worker_threads';
import type { SearchDocumentHelperInput } from '../imports/customers/searchDocumentHelper';
import type { PhonePrimerInput } from '../imports/phonePrimer';
import type { WorkerInput } from './runner';

/**
 * The worker file: a job, or a helper thread a job started (its `role` says which). Each loads
 * only its own modules: a helper that loaded the job's too (SQLite, every import kind) cost ~30 MB
 * while the import's memory peaks.
 */
const input = workerData as WorkerInput | PhonePrimerInput | SearchDocumentHelperInput;
if (!('role' in input)) await (await import('./jobWorker')).runJobWorker(input);
else if (input.role === 'phonePrimer') await (await import('../imports/phonePrimer')).runPhonePrimer(input);
else (await import('../imports/customers/searchDocumentHelper')).runSearchDocumentHelper(input);

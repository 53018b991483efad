import { pathToFileURL } from 'node:url';
import { Worker, type MessagePort, type ResourceLimits } from 'node:worker_threads';

/**
 * Starts the worker file: a job's worker (jobs/runner.ts) or a helper thread a job starts from
 * inside its own worker (jobs/jobWorker.ts), hence a module of its own. The built app runs
 * out/main/worker.js. Tests run the TypeScript source, which plain Node cannot load in a worker:
 * there a one-line bootstrap registers tsx first.
 */
export function startWorker(
  file: string,
  workerData: object,
  options: { resourceLimits?: ResourceLimits; transferList?: MessagePort[] } = {},
): Worker {
  const { resourceLimits = {}, transferList } = options;
  if (!file.endsWith('.ts')) return new Worker(file, { workerData, resourceLimits, transferList });
  const url = JSON.stringify(pathToFileURL(file).href);
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${url}); });`;
  return new Worker(bootstrap, { eval: true, workerData, resourceLimits, transferList });
}

// Runs in a worker thread (see render-in-worker.ts): renders one CT series per
// "next" message and posts its files back, so the main thread can import series
// N while this thread draws series N + 1.
import { parentPort, workerData } from 'node:worker_threads';
import type { DemoCtSeriesSpec } from '../types';
import { renderCtSeries } from './render-ct-series';

const specs = (workerData as { specs: DemoCtSeriesSpec[] }).specs;
let next = 0;

parentPort!.on('message', (message: unknown) => {
  if (message !== 'next') return;
  if (next >= specs.length) {
    parentPort!.postMessage({ done: true });
    return;
  }
  const files = [...renderCtSeries(specs[next++]!)];
  parentPort!.postMessage({ files });
});

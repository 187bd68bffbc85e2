// Renders CT series on a second core: a worker thread draws the next series while
// the caller (the seed's DICOM import) stores the current one. Rendering is the
// larger half of loading the demo world, so this roughly halves first-start time.
// Under plain Node (no tsx loader to run the worker's TypeScript) it renders here.
import { Worker } from 'node:worker_threads';
import type { DemoCtSeriesSpec } from '../types';
import { renderCtSeries, type RenderedDicomFile } from './render-ct-series';

type Message = { done: true } | { files: RenderedDicomFile[] };

function workerBootUrl(): URL | null {
  let tsx: string;
  try {
    tsx = import.meta.resolve('tsx/esm/api');
  } catch {
    return null;
  }
  const target = new URL('./render-worker.ts', import.meta.url).href;
  const boot = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(target)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(boot)}`);
}

export async function* renderCtSeriesInWorker(specs: DemoCtSeriesSpec[]): AsyncGenerator<RenderedDicomFile & { spec: DemoCtSeriesSpec }> {
  const boot = workerBootUrl();
  if (!boot) {
    for (const spec of specs) for (const file of renderCtSeries(spec)) yield { ...file, spec };
    return;
  }
  const worker = new Worker(boot, { workerData: { specs } });
  // Messages are queued here as they arrive: a message with no listener would be lost.
  const inbox: Message[] = [];
  let waiting: { resolve: (m: Message) => void; reject: (e: unknown) => void } | null = null;
  let failure: unknown = null;
  worker.on('message', (message: Message) => {
    if (waiting) {
      waiting.resolve(message);
      waiting = null;
    } else inbox.push(message);
  });
  worker.on('error', (error) => {
    failure = error;
    waiting?.reject(error);
  });
  const receive = () =>
    inbox.length > 0 ? Promise.resolve(inbox.shift()!) : failure ? Promise.reject(failure) : new Promise<Message>((resolve, reject) => (waiting = { resolve, reject }));
  try {
    worker.postMessage('next');
    for (let index = 0; ; index++) {
      const message = await receive();
      if ('done' in message) return;
      worker.postMessage('next'); // draw the next series while this one is consumed
      for (const file of message.files) yield { name: file.name, bytes: new Uint8Array(file.bytes), spec: specs[index]! };
    }
  } finally {
    await worker.terminate();
  }
}

// Every worker thread (WorkerThread.ts) starts here. A worker thread is plain Node, whatever loader the server
// runs under (tsx for `npm start`, Vite in the tests), so it registers tsx itself before loading the TypeScript.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);

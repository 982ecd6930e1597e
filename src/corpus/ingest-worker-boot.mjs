// Ingest worker bootstrap: a worker thread does not inherit the main thread's tsx loader (`register()` in
// bin/zonebot.mjs, `--import tsx`, or vitest's transform), so it registers tsx itself and then loads the
// TypeScript entry (src/corpus/ingest-worker.ts) that pool.ts names in workerData.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);

/**
 * An ingest worker's entry (loaded by ingest-worker-boot.mjs, started by pool.ts): answers task
 * messages one at a time with the same TaskContext the in-process runner uses.
 */
import { parentPort, workerData } from "node:worker_threads";
import { TaskContext, type WorkerSetup } from "./ingest-tasks.js";
import { serveTasks } from "./pool.js";

const port = parentPort;
if (!port) throw new Error("ingest-worker.ts runs inside a worker thread");
const { setup } = workerData as { setup: WorkerSetup };
serveTasks(port, TaskContext.forWorker(setup));

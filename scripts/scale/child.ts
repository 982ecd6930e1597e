/** Runs a step (step.ts) in a child process and measures its wall time and peak RSS. */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { PROJECT_ROOT } from "../../src/config/index.js";
import type { Measured, StepResult } from "./types.js";

const STEP = path.join(PROJECT_ROOT, "scripts/scale/step.ts");
const TIME = "/usr/bin/time";
const HEARTBEAT_MS = 30_000;
const MAX_RSS = /Maximum resident set size \(kbytes\):\s*(\d+)/;

let gnuTime: boolean | undefined;

/** GNU time's -v reports the child's peak RSS as the kernel saw it; BusyBox/BSD time may not. */
function hasGnuTime(): boolean {
  if (gnuTime === undefined) {
    const probe = existsSync(TIME) ? spawnSync(TIME, ["-v", "true"], { encoding: "utf8" }) : undefined;
    gnuTime = probe !== undefined && MAX_RSS.test(probe.stderr ?? "");
  }
  return gnuTime;
}

export interface StepOptions {
  /** Prefix for the child's progress lines on our stderr. */
  label: string;
  onLine?: (line: string) => void;
}

export async function runStep<T extends StepResult>(args: string[], options: StepOptions): Promise<Measured<T>> {
  const nodeArgs = ["--import", "tsx", STEP, ...args];
  const timed = hasGnuTime();
  const [command, argv] = timed ? [TIME, ["-v", process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
  const started = performance.now();
  const child = spawn(command, argv, { cwd: PROJECT_ROOT, stdio: ["ignore", "pipe", "pipe"] });
  const stdout: string[] = [];
  const stderr: string[] = [];
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => stdout.push(chunk));
  const print = options.onLine ?? defaultLine(options.label);
  // The child's event loop may be busy for minutes (index build); the parent says it is still alive.
  let quietSince = performance.now();
  const heartbeat = setInterval(() => {
    if (performance.now() - quietSince >= HEARTBEAT_MS) print(`… still running (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }, HEARTBEAT_MS);
  const lines = createInterface({ input: child.stderr });
  lines.on("line", (line) => {
    stderr.push(line);
    quietSince = performance.now();
    // GNU time's report is tab-indented; the child's own lines are forwarded as progress.
    if (!line.startsWith("\t")) print(line);
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  }).finally(() => clearInterval(heartbeat));
  const processMs = performance.now() - started;
  if (code !== 0) throw new Error(`step ${args.join(" ")} exited with ${code}:\n${stderr.slice(-30).join("\n")}`);
  const result = parseResult<T>(stdout.join(""), args);
  const timeRss = timed ? MAX_RSS.exec(stderr.join("\n"))?.[1] : undefined;
  return {
    result, processMs,
    peakRssMB: (timeRss !== undefined ? Number(timeRss) : result.maxRssKb) / 1024,
    rssSource: timeRss !== undefined ? "time -v" : "child maxRSS",
  };
}

function parseResult<T extends StepResult>(stdout: string, args: string[]): T {
  const last = stdout.trim().split("\n").pop() ?? "";
  try {
    return JSON.parse(last) as T;
  } catch {
    throw new Error(`step ${args.join(" ")} printed no JSON result (got ${JSON.stringify(last.slice(0, 200))})`);
  }
}

function defaultLine(label: string): (line: string) => void {
  return (line) => process.stderr.write(`  ${label} ${line}\n`);
}

import path from "node:path";
import { ingestFiles, type IngestOptions, type IngestReport } from "../corpus/index.js";
import { failureDetail, failureText, isLink, saveLinks, type FetchLimits } from "../ingest/index.js";

/** Where fetched pages are kept, one file per link (see src/ingest/web.ts). */
export function pagesDir(dataDir: string): string {
  return path.join(dataDir, "pages");
}

/**
 * `zonebot ingest` inputs: files, directories and http(s) links. Links are fetched and saved first; one that
 * fails is reported like a file that fails (nothing of it is ingested) and the rest go on. The report names
 * a link's articles by the link, not by the file it was saved as.
 */
export async function ingestInputs(inputs: string[], options: IngestOptions & { fetch?: FetchLimits }): Promise<IngestReport> {
  const links = inputs.filter(isLink);
  const files = inputs.filter((input) => !isLink(input));
  // A cancelled ingest stops its fetches too (then ingestFiles refuses to start).
  const limits = options.signal ? { ...options.fetch, signal: options.signal } : options.fetch;
  const { saved, failed } = await saveLinks(links, pagesDir(options.config.dataDir), limits);
  const report = await ingestFiles([...files, ...saved.map((s) => s.file)], options);
  const linkOf = new Map(saved.map((s) => [path.basename(s.file), s.url]));
  report.added = report.added.map((name) => linkOf.get(name) ?? name);
  report.unchanged = report.unchanged.map((name) => linkOf.get(name) ?? name);
  for (const warning of report.warnings) warning.file = urlOfFile(warning.file, saved) ?? warning.file;
  report.errors.unshift(...failed.map((error) => ({ file: error.file, reason: error.reason, message: error.message })));
  for (const error of report.errors) {
    // The summary line names the file and the reason: the message keeps only what it adds to them.
    error.message = failureDetail(error.file, error.reason, error.message) || failureText(error.reason);
    error.file = urlOfFile(error.file, saved) ?? error.file;
  }
  return report;
}

function urlOfFile(file: string, saved: { url: string; file: string }[]): string | undefined {
  return saved.find((s) => path.resolve(s.file) === path.resolve(file))?.url;
}

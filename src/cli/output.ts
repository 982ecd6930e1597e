import cliProgress from "cli-progress";
import type { Answer } from "../brain/index.js";
import type { IngestReport } from "../corpus/index.js";
import { citationNote } from "../ingest/index.js";
import type { SourceRef } from "../tools/index.js";

/** The --json/--jsonl record: the evaluator's contract, nothing more. */
export function answerRecord(answer: Answer, id?: unknown): Record<string, unknown> {
  return {
    ...(id !== undefined ? { id } : {}),
    question: answer.question,
    answer: answer.answer,
    found: answer.found,
    citations: answer.citations.map(({ source, title, date, quote }) => ({ source, title, date, quote })),
    facts: answer.facts.map((f) => ({
      zone: f.zone, subject: f.subject, metric: f.metric, value: f.value, unit: f.unit, raw: f.raw, qualifier: f.qualifier,
      kind: f.kind, year: f.year, period: f.period, evidence: f.evidence, source: f.source,
    })),
  };
}

export function printAnswer(answer: Answer): void {
  process.stdout.write(`${answer.answer}\n`);
  if (answer.citations.length === 0) return;
  process.stdout.write("\n来源：\n");
  // A citation carries what its SourceRef said: the OCR mark and the pages follow the source (a file name or the link).
  answer.citations.forEach((c: Answer["citations"][number] & Pick<SourceRef, "ocr" | "pages">, i) => {
    process.stdout.write(`  [${i + 1}] 《${c.title}》 ${c.date ?? "日期不详"}  ${c.source}${citationNote(c)}\n      “${c.quote}”\n`);
  });
}

/** A progress bar on a terminal (stderr), silence otherwise. */
export function progressReporter(label: string): { update: (done: number, total: number, file: string) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: `${label} [{bar}] {value}/{total} {file} | {eta_formatted} left`, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total, file) {
      if (!started) {
        bar.start(total, 0, { file: "" });
        started = true;
      }
      bar.update(done, { file });
    },
    stop: () => started && bar.stop(),
  };
}

export function describeIngest(report: IngestReport): string {
  const lines = [
    `ingested ${report.added.length} new/changed file(s), ${report.unchanged.length} unchanged; ` +
      `${report.articles} articles, ${report.facts} facts, ${report.chunks} chunks` +
      (report.rejectedFacts ? `, ${report.rejectedFacts} facts dropped (evidence not verbatim)` : "") +
      (report.rebuilt ? ` → ${report.generation}` : " (index unchanged)"),
  ];
  for (const error of report.errors) lines.push(`  ✗ ${error.file}: ${error.reason} — ${error.message}`);
  return lines.join("\n");
}

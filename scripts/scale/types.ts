/** Shapes shared by the scale bench's parent (scripts/bench-scale.ts) and its child steps (step.ts). */

/** What the `ingest` child step prints as its last stdout line. */
export interface IngestStepResult {
  step: "ingest";
  /** Wall time of ingestFiles (module loading and process start excluded). */
  ms: number;
  files: number;
  added: number;
  unchanged: number;
  errors: number;
  articles: number;
  facts: number;
  chunks: number;
  rebuilt: boolean;
  /** process.resourceUsage().maxRSS of the child, in kB. */
  maxRssKb: number;
}

export interface TypeTally {
  pass: number;
  total: number;
}

/** What the `measure` child step prints as its last stdout line. */
export interface MeasureStepResult {
  step: "measure";
  /** createEngine (openCorpus + tools + brain) until an answer can be asked for. */
  loadMs: number;
  /** The first answer after loading (lazy structures, JIT). */
  firstAnswerMs: number;
  /** One timed, warm answer per question, in question order. */
  latenciesMs: number[];
  byType: Record<string, TypeTally>;
  /** Answers holding a number that no citation contains (should stay 0). */
  unverifiedAnswers: number;
  maxRssKb: number;
}

export type StepResult = IngestStepResult | MeasureStepResult;

/** A child step's result with what the parent measured around it. */
export interface Measured<T extends StepResult> {
  result: T;
  /** Spawn to exit, including node start and module loading. */
  processMs: number;
  /** Peak RSS in MB: /usr/bin/time -v when available, else the child's own maxRSS. */
  peakRssMB: number;
  rssSource: "time -v" | "child maxRSS";
}

/** One column of the table: every figure for one archive size. Fractions are in [0, 1]. */
export interface SizeResult {
  articles: number;
  inputMB: number;
  ingestS: number;
  ingestMsPerArticle: number;
  ingestPeakRssMB: number;
  reingestS: number;
  reingestPeakRssMB: number;
  indexMB: number;
  loadS: number;
  firstAnswerMs: number;
  warmP50Ms: number;
  warmP99Ms: number;
  answerPeakRssMB: number;
  plantedAccuracy: number;
  /** Null when the question set holds no unanswerable question. */
  unanswerableDeclined: number | null;
  details: SizeDetails;
}

export interface SizeDetails {
  archiveDir: string;
  dataDir: string;
  seed: string;
  generatedMs: number | null;
  facts: number;
  chunks: number;
  ingestErrors: number;
  questions: number;
  answerable: number;
  unanswerable: number;
  byType: Record<string, TypeTally>;
  unverifiedAnswers: number;
  /** True when the re-ingest found every file unchanged and kept the generation. */
  reingestUnchanged: boolean;
  ingestProcessS: number;
  reingestProcessS: number;
  indexApparentMB: number;
  rssSource: string;
}

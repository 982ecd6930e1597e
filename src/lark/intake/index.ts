// Feishu intake: files and links sent by admins go into a new generation the running bot answers from.
export { DEFAULT_INGEST_SHUTDOWN_MS, Intake, IntakeCancel, sizeText, type IntakeOptions } from "./intake.js";
export { LiveEngine } from "./live-engine.js";
export { mayIngest, type Permission } from "./permission.js";
export { intakeResultCard, sentenceOf, type IntakeOutcome } from "./report-card.js";

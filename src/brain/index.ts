export { containsWholeNumber, unverifiedNumbers } from "./guard.js";
export { OfflineBrain, referenceYearOf } from "./offline.js";
export type { Answer, AnswerMode, QuestionFrame, QuestionType, Turn } from "./types.js";
export { gateAnswer } from "./gate.js";
export { planQuestion, type Operation, type PlannedRequest, type QueryPlan } from "./plan.js";

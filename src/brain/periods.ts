/** Periods are read the same way in questions as in facts: the period recogniser (src/reading/period.ts). */
export { readPeriod as periodKey, periodsAgree } from "../reading/index.js";

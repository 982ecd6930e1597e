/** Periods are read the same way in questions as in facts. */
export { periodKey, periodsAgree } from "../facts/index.js";

export {
  ANSWER_ELEMENT_ID, CARD_LIMIT_BYTES, apologyCard, baseCard, cardBytes, escapeMarkdown, markdown, markdownCard, pendingCard,
  truncate, type Card, type CardElement,
} from "./card.js";
export { answerCard, type AnswerCardOptions, type FeedbackValue } from "./answer-card.js";

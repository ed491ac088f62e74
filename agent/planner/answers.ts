import { digitizeWords } from "./numbers";

// A reply to the agent's own question, read in the context of that question. "5000" after "What is
// the total budget?" is the budget; "free" after "What does the second item get?" is 100% off;
// "Dec 1" after "When should the offer start?" is the start. The reply is rewritten into the words
// a brief would use, so both models (the offline planner and the LLM) read it the same way.

/** The draft field the agent's question asked for (the verdict's first question). */
export type AskedField =
  | "offerType" | "offerValue" | "surface" | "startDate" | "endDate" | "totalBudget" | "redemptionMethod" | "currency";

/** The offer kind the value question was about: it decides whether a bare number is % or money. */
export type AskedContext = { field: AskedField | string; offerType?: string | null };

const SHORT = 80;
const HAS_NUMBER = /\d/;
const NAMES_BUDGET = /\b(?:budget|spend|cap|ceiling|allocat|fund)/i;
const NAMES_START = /\b(?:start|begin|launch|from|kick|live|effective|as of)/i;
const NAMES_END = /\b(?:end|expir|exp\b|until|through|till|to\b|last|close|deadline)/i;
const NAMES_UNIT = /[%$£€]|\b(?:percent|pct|dollars?|bucks|euros?|pounds?|off)\b/i;
/** "what do you suggest?", "you decide", "recommend something": the marketer asks for a proposal. */
export const ASKS_FOR_SUGGESTION =
  /\b(?:what (?:do|would) you (?:suggest|recommend|propose)|(?:any|your) (?:suggestion|recommendation)s?|you (?:decide|choose|pick)|recommend (?:one|something|a|an)|suggest (?:one|something|a|an)|up to you|what(?:'s| is) (?:typical|normal|usual|best))\b/i;

/** "yes", "yes please", "ok, do it": a reply that accepts what the agent just offered, and says nothing else. */
export const ACCEPTS_OFFER =
  /^(?:(?:yes|yeah|yep|yup|sure|ok|okay|correct|right|exactly|please|thanks|do it|do that|go ahead|apply it|use it|swap them|that works|sounds good|that'?s right|i did)[\s,.!]*)+$/i;

/** Rewrites a short reply so it states the asked field in a brief's words; other messages pass unchanged. */
export function answerInContext(asked: AskedContext | null, message: string): string {
  const text = message.trim();
  if (!asked || text.length === 0 || text.length > SHORT) return message;
  const digits = digitizeWords(text);
  switch (asked.field) {
    case "totalBudget":
      return HAS_NUMBER.test(digits) && !NAMES_BUDGET.test(text) ? `budget ${text}` : message;
    case "startDate":
      return !NAMES_START.test(text) && !NAMES_END.test(text) ? `starts ${text}` : message;
    case "endDate":
      return !NAMES_START.test(text) && !NAMES_END.test(text) ? `ends ${text}` : message;
    case "offerValue":
      return valueAnswer(text, digits, asked.offerType ?? null);
    case "offerType":
      return typeAnswer(text);
    case "redemptionMethod":
      return methodAnswer(text);
    default:
      return message;
  }
}

/** "free" for a BOGO's second item is 100% off; a bare number takes the unit the question asked for. */
function valueAnswer(text: string, digits: string, offerType: string | null): string {
  if (offerType === "bogo" && /^(?:it(?:'s| is)\s)?(?:free|for free|100\s?%?)\.?$/i.test(text)) return "buy one get one 100% off";
  const bare = /^(?:make it\s|about\s|around\s)?(\d{1,6}(?:\.\d{1,2})?)\.?$/i.exec(digits);
  if (!bare || NAMES_UNIT.test(text)) return text;
  if (offerType === "fixed_discount") return `$${bare[1]} off`;
  if (offerType === "cashback") return `${bare[1]}% cash back`;
  if (offerType === "bogo") return `buy one get one ${bare[1]}% off`;
  return `${bare[1]}% off`;
}

/** "a percentage off", "fixed amount", "bogo": the kind of offer named on its own. */
function typeAnswer(text: string): string {
  if (/\bpercent(?:age)?\b/i.test(text) && !/\d/.test(text)) return "a percentage discount";
  if (/\b(?:fixed|flat|dollar|amount)\b/i.test(text) && !/\d/.test(text)) return "a fixed amount off";
  if (/\b(?:bogo|buy one|second item)\b/i.test(text)) return "buy one get one";
  return text;
}

/** "online link", "a code", "scan": the redemption options the question offered, as cues the planner reads. */
function methodAnswer(text: string): string {
  if (/\b(?:online|link|activate|click)\b/i.test(text)) return "redeem online via an activation link";
  if (/\b(?:show|flash|present)\b/i.test(text)) return "show and save at the counter";
  if (/\b(?:barcode|bar code|scan|qr)\b/i.test(text)) return "scan the barcode";
  if (/\b(?:promo|code|coupon)\b/i.test(text) && !/\b[A-Z0-9]{3,}\d\b/.test(text)) return "redeem with a promo code";
  return text;
}

/** One-click answers to the agent's question about a field: likely replies a marketer can send as is. */
export function suggestionsFor(field: string, question = ""): string[] {
  switch (field) {
    case "offerType": return ["A percentage off", "A fixed amount off", "Free shipping", "What do you suggest?"];
    case "offerValue": return ["10", "15", "20", "What do you suggest?"];
    case "startDate": return ["Today", "Tomorrow", "Next Monday"];
    case "endDate": return ["End of the month", "End of the year", "What do you suggest?"];
    case "totalBudget": return ["$5,000", "$10,000", "$25,000", "What do you suggest?"];
    case "redemptionMethod": return ["A promo code", "Online link", "Show and save", "Barcode"];
    case "surface": {
      // The question lists the tenant's surfaces after its colon ("...: hub, marketplace, shopify?").
      const list = question.split(":").pop() ?? "";
      return list.replace(/\?$/, "").split(/,\s?|\sor\s/).map((s) => s.trim()).filter((s) => /^[a-z]{2,20}$/.test(s));
    }
    default: return [];
  }
}

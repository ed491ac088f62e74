import { digitizeWords } from "./numbers";
import { globalCopy, rx } from "./patterns";

// The text every extractor reads. `full` is the normalised brief; `text` is the same string with
// the spans already claimed by an earlier extractor blanked out (same length, so indexes line up).
// Claiming spans is what stops "DEALER20" from becoming a 20% discount, or the "20%" in the
// objective "increase sales by 20%" from becoming the offer value.

const MONTH_NAMES = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec";
const ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
  "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"];
const ORDINAL_RE = `(?:(?:twenty|thirty)[- ])?(?:${ORDINALS.join("|")})|thirtieth`;
const ORDINAL_RANGE = rx("text.ORDINAL_RANGE",
  `\\bthe\\s{1,3}(${ORDINAL_RE})\\s{1,3}(to|through|until|till|and|-)\\s{1,3}the\\s{1,3}(${ORDINAL_RE})\\b`, "gi");
const ORDINAL_OF_MONTH = rx("text.ORDINAL_OF_MONTH", `\\bthe\\s{1,3}(${ORDINAL_RE})\\s{1,3}of\\s{1,3}(${MONTH_NAMES})\\b`, "gi");
const CENTS = rx("text.CENTS", String.raw`(?<![\d.$])(\d{1,2})\s{0,2}(?:¢|cents?\b)`, "gi");
const suffixed = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? "st" : n % 10 === 2 && n !== 12 ? "nd" : n % 10 === 3 && n !== 13 ? "rd" : "th"}`;
const MONTH_ORDINAL = rx("text.MONTH_ORDINAL", `\\b(${MONTH_NAMES})\\s{1,3}(?:the\\s{1,3})?(${ORDINAL_RE})\\b`, "gi");

/** "thirty-first" → 31, so "December thirty-first" reaches chrono as a date. */
function ordinalValue(word: string): number {
  const w = word.toLowerCase();
  if (w === "thirtieth") return 30;
  const tens = w.startsWith("twenty") ? 20 : w.startsWith("thirty") ? 30 : 0;
  return tens + ORDINALS.indexOf(w.replace(/^(?:twenty|thirty)[- ]/, "")) + 1;
}

/** Normalises punctuation and spells number words as digits, so extractors see one form. */
export function normalise(message: string): string {
  const s = message
    .replace(/[\u2012-\u2015\u2212]/g, "-")
    .replace(/[\u2018\u2019\u201B]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u00A0\u2009\u202F]/g, " ")
    .replace(/\bw\//gi, "with ")
    .replace(/\bthru\b/gi, "through")
    .replace(/\bhalf[- ](?:off|price)\b/gi, "50% off")
    .replace(MONTH_ORDINAL, (_a, month: string, ord: string) => `${month} ${ordinalValue(ord)}`);
  const spelled = s
    // "the first to the thirtieth (of June)": day ordinals chrono and the range rewrite understand.
    .replace(ORDINAL_RANGE, (_a, a: string, sep: string, b: string) => `the ${suffixed(ordinalValue(a))} ${sep} the ${suffixed(ordinalValue(b))}`)
    .replace(ORDINAL_OF_MONTH, (_a, a: string, month: string) => `the ${suffixed(ordinalValue(a))} of ${month}`)
    // "budget's fifty K": the contraction hides the noun from the budget patterns.
    .replace(/\b(budget|spend)'s\b/gi, "$1 is")
    // "Exp. 12/10": the abbreviation's dot must not end the sentence the date cue is read from.
    .replace(/\bexp\.(?=\s)/gi, "exp");
  // "save 55 cents", "75¢ off": a cents-off coupon is an amount in dollars.
  return digitizeWords(spelled).replace(CENTS, (_a, c: string) => `$0.${c.padStart(2, "0")}`);
}

/** A brief being read: extractors claim spans so no number is read twice. */
export class Scan {
  readonly full: string;
  private chars: string[];

  constructor(full: string) {
    this.full = full;
    this.chars = full.split(""); // UTF-16 units, the same indexes regex matches report
  }

  /** The text with claimed spans blanked. */
  get text(): string {
    return this.chars.join("");
  }

  /** Claims a span so later extractors do not read it again. */
  claim(index: number, end: number): void {
    for (let i = index; i < end && i < this.chars.length; i++) this.chars[i] = " ";
  }

  /** Runs a global regex over the unclaimed text, claiming each match the callback accepts. */
  take(re: RegExp, accept: (m: RegExpMatchArray) => boolean): void {
    for (const m of this.text.matchAll(globalCopy(re))) {
      if (accept(m)) this.claim(m.index!, m.index! + m[0].length);
    }
  }
}

const GOAL_VERBS = String.raw`(?:increase|boost|grow|drive|lift|raise|improve|double|triple|reduce|clear|move|win back|re-?engage|reactivate|acquire|attract|get more|generate|build|spur|stimulate|clear out|liquidate|celebrate|thank|reward|retain|encourage|promote)`;
const GOAL_RE = rx(
  "text.GOAL_RE",
  String.raw`(?:^|[.!?\n]\s{0,3}|\b(?:goal|objective|aim|purpose)\s{0,3}(?:is\b\s{0,3})?(?:[:\-]\s{0,3})?(?:to\s{1,3})?|\b(?:we want|we'd like|we need|looking|trying|help us|in order)\s{1,3}to\s{1,3})(${GOAL_VERBS}\b[^.;:!?\n]{0,240}?)(?=\s{1,3}(?:with|using|by (?:offering|running|giving|launching)|through (?:a|an)|via)\b|\s{1,3}(?:and|so|but)\s{1,3}(?:i|we|maybe|then|it|they|let'?s)\b|\s{1,3}-\s|[,:;!?\n]|\.(?:\s|$)|$)`,
  "i",
);

// "Q4 push for our dealers: ...": a headline naming the push is the goal when no goal verb is used.
const HEADLINE_GOAL = rx("text.HEADLINE_GOAL",
  String.raw`^\s{0,3}([^:.!?\n]{0,60}?\b(?:push|drive|campaign|initiative|blitz|kick-?off|launch)\b[^:.!?\n]{0,60}):`, "i");

/** The business goal in the marketer's words; its numbers and dates are claimed so they are not read as offer terms. */
export function takeObjective(scan: Scan): string | null {
  const m = GOAL_RE.exec(scan.full);
  if (!m) return HEADLINE_GOAL.exec(scan.full)?.[1].trim().slice(0, 500) ?? null;
  const goal = m[1].trim();
  // A goal clause that is really the offer ("reward members with 20% off") stays visible.
  if (/\b(?:off|discount|code|bogo|free shipping)\b/i.test(goal)) return goal.slice(0, 500);
  const at = m.index! + m[0].indexOf(m[1]);
  // "Our Q3 goal is to ...": the sentence lead-in belongs to the goal too.
  const lead = /\b(?:goal|objective|aim|purpose)\b/i.test(m[0]) ? Math.max(0, ...[".", "!", "?", "\n"].map((c) => scan.full.lastIndexOf(c, m.index!) + 1)) : at;
  scan.claim(Math.min(lead, at), at + m[1].length);
  return goal.slice(0, 500);
}

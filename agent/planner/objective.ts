// The measurable part of a business objective: "increase Q4 dealer sales by 20%" → grow "Q4 dealer
// sales" by 20 %. Read from the objective text, so it is the same whichever model filled the draft.

export type Target = {
  /** "increase", "reduce", "reach": which way the metric should move. */
  direction: "increase" | "decrease" | "reach";
  /** What is measured, in the marketer's words ("Q4 dealer sales"). */
  metric: string;
  amount: number;
  /** "%" for a relative change, "$" for money, "count" for a number of things. */
  unit: "%" | "$" | "count";
};

const UP = /^(?:increase|boost|grow|drive|lift|raise|improve|double|triple|get more|generate|acquire|attract|win back|reactivate)$/i;
const DOWN = /^(?:reduce|cut|lower|clear|clear out|liquidate|decrease)$/i;
const BY_AMOUNT = /^\s{0,3}(?:(?:increase|boost|grow|drive|lift|raise|improve|reduce|cut|lower|decrease)\s{1,3})?(.{2,80}?)(?:\s{1,3}(?:by|to))?\s{1,3}(\$?)(\d{1,3}(?:,\d{3}){1,4}|\d{1,9})(?:\.\d{1,2})?\s{0,2}(%|percent\b|k\b)?/i;
const VERB = /^\s{0,3}(increase|boost|grow|drive|lift|raise|improve|double|triple|reduce|cut|lower|clear out|clear|liquidate|decrease|get more|generate|acquire|attract|win back|reactivate)\b/i;
const COUNT = /^\s{0,3}(?:get|acquire|attract|win back|reactivate|generate|add)\s{1,3}(\d{1,7})\s{1,3}(.{2,60})$/i;

/** The target an objective states, or null when it names no number to move. */
export function measurableTarget(objective: string | null): Target | null {
  if (!objective) return null;
  const text = objective.trim();
  const verb = VERB.exec(text)?.[1] ?? "";
  if (/^double$/i.test(verb) || /^triple$/i.test(verb)) {
    return { direction: "increase", metric: text.slice(verb.length).trim(), amount: /^double$/i.test(verb) ? 100 : 200, unit: "%" };
  }
  const count = COUNT.exec(text);
  if (count) return { direction: "increase", metric: count[2].trim(), amount: Number(count[1]), unit: "count" };
  const m = BY_AMOUNT.exec(text);
  // "grow sales 20" with no unit and no by/to is too vague to count as a target.
  if (!m || (!m[2] && !m[4] && !/\b(?:by|to)\s{1,3}\$?\d/i.test(m[0]))) return null;
  const to = /\bto\s{1,3}\$?\d/i.test(m[0]) && !/\bby\b/i.test(m[0]);
  const unit = m[4] && /^(?:%|percent)$/i.test(m[4]) ? "%" : m[2] ? "$" : m[4]?.toLowerCase() === "k" ? "$" : "count";
  const amount = Number(m[3].replace(/,/g, "")) * (m[4]?.toLowerCase() === "k" ? 1000 : 1);
  const direction = to ? "reach" : DOWN.test(verb) ? "decrease" : UP.test(verb) || verb === "" ? "increase" : "increase";
  return { direction, metric: m[1].trim(), amount, unit };
}

/** The target in one short line for the chat and the form ("Q4 dealer sales +20%"). */
export function describeTarget(t: Target): string {
  const amount = t.unit === "%" ? `${t.amount}%` : t.unit === "$" ? `$${t.amount.toLocaleString("en-US")}` : t.amount.toLocaleString("en-US");
  if (t.direction === "reach") return `${t.metric} to ${amount}`;
  return `${t.metric} ${t.direction === "increase" ? "+" : "−"}${amount}`;
}

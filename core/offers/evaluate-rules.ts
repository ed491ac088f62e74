import {
  type BudgetPeriod, budgetPeriodEnd, budgetPeriodStart, checkKpiFloors, checkPolicyRange, type CodeTerms,
  type GovernanceReason, nearestCompliantValue, type PolicyFacts,
} from "@/core/governance";
import { offerValueForCode } from "./code-terms";
import { formatMoney, minorPerMajor, periodName } from "./money";
import type { CheckFacts, FixPatch, OfferCheck, OfferUnderCheck } from "./evaluate";
import { PROMO_CODE_PATTERN } from "../primitives";

// The rules behind evaluateOffer, one per check. Each returns one row of the checks panel: pass, fail
// (refuses activation), warn, question (needs the marketer's answer) or pending (not enough stated yet).

const row = (id: OfferCheck["id"], label: string, c: Partial<OfferCheck> = {}): OfferCheck =>
  ({ id, label, state: "pass", reasons: [], detail: null, fix: null, ...c });
const units = (minor: number, currency: string) => minor / minorPerMajor(currency);

/**
 * Before a surface is chosen, a rule is asked on each of the tenant's surfaces: it fails only when every one would
 * refuse (the first one's reasons), else it waits for the choice (why: "90% off" is refused before "where?").
 */
function onAnySurface(o: OfferUnderCheck, f: CheckFacts, rule: (o: OfferUnderCheck) => OfferCheck): OfferCheck {
  const each = f.policies.map((p) => rule({ ...o, surfaces: [p.surface] }));
  const open = f.policies.filter((_, i) => each[i].state !== "fail").map((p) => p.surface);
  if (open.length === 0) return each[0];
  const detail = `Choose where it is redeemed (allowed on ${open.join(", ")}).`;
  return { ...each[0], state: "pending", reasons: [], fix: null, detail };
}

/** Policy range on every surface; a fixed amount also as a share of the minimum order (item 7, "$500 off $100"). */
export function policyCheck(o: OfferUnderCheck, terms: CodeTerms | null, f: CheckFacts): OfferCheck {
  const label = "Policy range";
  if (!terms) return row("policy", label, { state: "pending", detail: "Say what the discount is first." });
  if (o.surfaces.length === 0 && f.policies.length === 0) {
    return row("policy", label, { state: "pending", detail: "Choose where it is redeemed (the surface)." });
  }
  if (o.surfaces.length === 0) return onAnySurface(o, f, (one) => policyCheck(one, terms, f));
  const reasons: GovernanceReason[] = [];
  let fix: FixPatch | null = null;
  let warn: string | null = null;
  for (const surface of o.surfaces) {
    const policy = f.policies.find((p) => p.surface === surface) ?? null;
    if (terms.discount_type !== "fixed" || !policy || !policy.enabled) {
      const refused = checkPolicyRange(policy, surface, terms, f.currency);
      reasons.push(...refused);
      const nearest = refused.length ? nearestCompliantValue(policy, terms) : null;
      if (nearest !== null && nearest !== terms.value) {
        fix = { ...(fix ?? {}), offerValue: valueOf(o, nearest, terms, f.currency) };
      }
      continue;
    }
    if (policy.max_amount_cents !== null && terms.value > policy.max_amount_cents) {
      reasons.push({ code: "policy_violation", message: `${surface} allows at most ${formatMoney(policy.max_amount_cents, f.currency)} off — ${formatMoney(terms.value, f.currency)} is above it` });
      fix = { ...(fix ?? {}), offerValue: units(policy.max_amount_cents, f.currency) };
      continue;
    }
    const share = shareProblem(policy, terms.value, o.minimumSpendCents, f.currency);
    if (share?.fail) reasons.push({ code: "policy_violation", message: share.message });
    else if (share) warn = share.message;
    if (share) fix = { ...(fix ?? {}), minimumSpend: share.minimumUnits };
  }
  const fixed = fix && { label: fixLabel(fix, o, terms, f.currency), patch: fix };
  if (reasons.length) return row("policy", label, { state: "fail", reasons, fix: fixed });
  if (warn) return row("policy", label, { state: "warn", reasons: [{ code: "minimum_order", message: warn }], fix: fixed });
  return row("policy", label, { detail: `Within the ${o.surfaces.join(", ")} policy.` });
}

/** A fixed discount above max_percent of the smallest order it applies to: fail with a minimum, warn without one. */
function shareProblem(policy: PolicyFacts, amount: number, minimum: number | null, currency: string) {
  const needed = Math.ceil((amount * 100) / policy.max_percent);
  const minimumUnits = Math.ceil(units(needed, currency));
  const off = formatMoney(amount, currency);
  if (minimum === null) {
    return { fail: false, minimumUnits, message: `${off} off with no minimum order is more than ${policy.max_percent}% of any order under ${formatMoney(needed, currency)} — such orders will be refused; set a minimum order of ${formatMoney(minimumUnits * minorPerMajor(currency), currency)}` };
  }
  if (amount * 100 <= policy.max_percent * minimum) return null;
  const share = Math.round((amount * 100) / minimum);
  return { fail: true, minimumUnits, message: `${off} off a ${formatMoney(minimum, currency)} order is ${share}% of it; ${policy.surface} allows at most ${policy.max_percent}% — raise the minimum order to ${formatMoney(minimumUnits * minorPerMajor(currency), currency)} or lower the amount` };
}

/** KPI floors on fresh readings for every surface the offer redeems on. */
export function kpiCheck(o: OfferUnderCheck, terms: CodeTerms | null, f: CheckFacts): OfferCheck {
  if (!terms || (o.surfaces.length === 0 && f.policies.length === 0)) return row("kpi", "KPI floors", { state: "pending" });
  if (o.surfaces.length === 0) return onAnySurface(o, f, (one) => kpiCheck(one, terms, f));
  const reasons = o.surfaces.flatMap((s) => checkKpiFloors(f.policies.find((p) => p.surface === s) ?? null, s, f.snapshots, f.now));
  return reasons.length ? row("kpi", "KPI floors", { state: "fail", reasons }) : row("kpi", "KPI floors", { detail: "Every floor holds on fresh readings." });
}

/** The days whose budget periods an offer is checked against: its first remaining day to its end (loaders read it too). */
export function checkWindow(o: Pick<OfferUnderCheck, "startDate" | "endDate">, today: string): { from: string; to: string } {
  const from = [o.startDate ?? today, today].sort()[1];
  return { from, to: o.endDate && o.endDate > from ? o.endDate : from };
}

/** Period starts (YYYY-MM-DD) the offer runs in, from its first remaining day to its end. */
export function periodsCovered(period: BudgetPeriod, from: string, to: string): string[] {
  const out = [budgetPeriodStart(period, new Date(`${from}T00:00:00Z`))];
  for (let next = budgetPeriodEnd(period, out[0]); next !== null && next <= to && out.length < 60; next = budgetPeriodEnd(period, next)) out.push(next);
  return out;
}

/** The offer's budget against the tenant headroom of the period(s) it runs in — never green with no budget. */
export function budgetCheck(o: OfferUnderCheck, f: CheckFacts): OfferCheck {
  const label = "Budget headroom";
  if (!f.budget && o.surfaces.length === 0) return row("budget", label, { state: "pending", detail: "No tenant budget is set; nothing is spent until the offer has a code." });
  if (!f.budget) return row("budget", label, { state: "fail", reasons: [{ code: "budget_exhausted", message: "No discount budget is set for this tenant — an admin must set one before any offer can spend" }] });
  if (o.totalBudgetCents === null) return row("budget", label, { state: "question", reasons: [{ code: "budget_missing", message: "What is the offer's total budget? Headroom is checked once it has one." }] });
  const { from, to } = checkWindow(o, f.today);
  const b = f.budget;
  const periods = periodsCovered(b.period, from, to);
  const left = periods.map((p) => ({ p, left: Math.max(0, b.cap_cents - (b.spent[p] ?? 0)) }));
  const total = left.reduce((s, x) => s + x.left, 0);
  const names = periods.map((p) => periodName(b.period, p)).join(" and ");
  const want = formatMoney(o.totalBudgetCents, f.currency);
  if (o.totalBudgetCents > total) {
    return row("budget", label, {
      state: "fail",
      reasons: [{ code: "budget_exhausted", message: `A total budget of ${want} is more than the ${formatMoney(total, f.currency)} left in ${names}` }],
      fix: { label: `Use ${formatMoney(total, f.currency)}`, patch: { totalBudget: units(total, f.currency) } },
    });
  }
  const empty = left.filter((x) => x.left === 0);
  if (empty.length) {
    return row("budget", label, { state: "warn", reasons: [{ code: "budget_exhausted", message: `Nothing is left in ${empty.map((x) => periodName(b.period, x.p)).join(" and ")}; redemptions then will be refused` }] });
  }
  return row("budget", label, { detail: `${want} fits: ${formatMoney(total, f.currency)} left in ${names}.` });
}

/** The promo code: valid as typed (never cut), and present when the offer redeems with one. */
export function codeCheck(o: OfferUnderCheck): OfferCheck {
  const label = "Promo code";
  if (o.promoCode !== null && !PROMO_CODE_PATTERN.test(o.promoCode)) {
    const bad = [...new Set([...o.promoCode].filter((ch) => !/[A-Z0-9_-]/.test(ch)))].join(" ");
    const why = o.promoCode.length > 32 ? "is longer than 32 characters" : o.promoCode.length < 3 ? "is shorter than 3 characters" : `contains ${bad || "a leading - or _"}`;
    return row("code", label, { state: "fail", reasons: [{ code: "invalid_promo_code", message: `Promo code "${o.promoCode}" ${why}; use 3–32 of A–Z, 0–9, "-" and "_"` }] });
  }
  const needsCode = o.redemptionMethod === "promo_code";
  if (needsCode && o.promoCode === null && o.kind === "offer" && (o.liveCodes ?? 0) === 0) {
    return row("code", label, { state: "fail", reasons: [{ code: "inactive", message: "This offer is redeemed with a promo code but has none — add a code before it goes live" }] });
  }
  if (o.kind === "offer" && (o.liveCodes ?? 0) > 0) {
    const list = (o.codes ?? []).slice(0, 3).join(", ");
    return row("code", label, { detail: `${o.liveCodes} code${o.liveCodes === 1 ? "" : "s"}${list ? `: ${list}${(o.codes ?? []).length > 3 ? ", …" : ""}` : ""}.` });
  }
  if (needsCode && o.promoCode === null) return row("code", label, { detail: "A code will be generated when it is saved." });
  return row("code", label, { detail: o.promoCode ? `Code ${o.promoCode}.` : "No code needed." });
}

const fmtDay = (d: string) => new Date(`${d}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

/** Dates: a reversed range is a question with a one-click swap, never a silent roll-over. */
export function datesCheck(o: OfferUnderCheck, f: CheckFacts): OfferCheck {
  const label = "Dates";
  if (o.startDate && o.endDate && o.endDate < o.startDate) {
    return row("dates", label, {
      state: "question",
      reasons: [{ code: "end_before_start", message: `The offer ends (${fmtDay(o.endDate)}) before it starts (${fmtDay(o.startDate)}). Did you mean ${fmtDay(o.endDate)} → ${fmtDay(o.startDate)}?` }],
      fix: { label: `Run ${fmtDay(o.endDate)} → ${fmtDay(o.startDate)}`, patch: { startDate: o.endDate, endDate: o.startDate } },
    });
  }
  if (o.endDate && o.endDate < f.today) return row("dates", label, { state: "fail", reasons: [{ code: "expired", message: `The offer ended on ${fmtDay(o.endDate)}` }] });
  if (o.kind === "draft" && o.startDate && o.startDate < f.today) {
    return row("dates", label, { state: "fail", reasons: [{ code: "start_in_past", message: `The start date ${fmtDay(o.startDate)} is in the past` }], fix: { label: "Start today", patch: { startDate: f.today } } });
  }
  if (!o.startDate || !o.endDate) return row("dates", label, { state: o.kind === "draft" ? "pending" : "pass", detail: "Open-ended." });
  const days = Math.round((Date.parse(o.endDate) - Date.parse(o.startDate)) / 86400_000) + 1;
  if (days > 300) return row("dates", label, { state: "warn", reasons: [{ code: "long_range", message: `The offer runs ${days} days (${fmtDay(o.startDate)} → ${fmtDay(o.endDate)}) — is that intended?` }] });
  return row("dates", label, { detail: `${fmtDay(o.startDate)} → ${fmtDay(o.endDate)}.` });
}

const AUDIENCE_RE = /\b(new|first[- ]time|returning|loyal)\s+(customers?|buyers?|shoppers?)\b|\b(members?|students?|dealers?|vips?|subscribers?|employees?)\b/i;

/** An audience named in the copy, with an open loop and no per-customer limit: anyone can redeem it, repeatedly. */
export function audienceCheck(o: OfferUnderCheck): OfferCheck {
  const label = "Audience";
  const named = o.audience[0] ?? o.copy.match(AUDIENCE_RE)?.[0]?.toLowerCase() ?? null;
  if (!named || o.programType === "closed_loop" || o.perCustomerLimit !== null) return row("audience", label, { detail: named ? `For ${named}.` : "Everyone." });
  return row("audience", label, {
    state: "warn",
    reasons: [{ code: "audience_open", message: `The offer is for ${named}, but it is open to everyone with no per-customer limit — anyone can redeem it, and the same customer more than once` }],
    fix: { label: "Limit to 1 per customer", patch: { usageLimitPerCustomer: 1 } },
  });
}

const SURFACE_RE = /\b(on\s+)?(shopify|marketplace|wix|the hub)\b/i;

/** Copy the marketer typed is kept, but flagged when it contradicts the fields (item 8): value, code, surface names. */
export function copyCheck(o: OfferUnderCheck): OfferCheck {
  const label = "Copy matches the offer";
  const reasons: { code: string; message: string }[] = [];
  const percent = o.copy.match(/(\d+(?:\.\d+)?)\s*%\s*off/i);
  const isPercent = o.unit === "%" || (o.unit === null && o.offerType !== "fixed_discount");
  if (percent && isPercent && o.offerValue !== null && Number(percent[1]) !== o.offerValue) {
    reasons.push({ code: "copy_value", message: `The copy says ${percent[1]}% off, but the offer gives ${o.offerValue}% — update the copy` });
  }
  const named = o.copy.match(/\bcode\s+([A-Z0-9][A-Z0-9_-]{2,31})\b/);
  const known = [...(o.codes ?? []), ...(o.promoCode ? [o.promoCode] : [])];
  if (named && !known.includes(named[1])) {
    reasons.push({ code: "copy_code", message: `The copy mentions code ${named[1]}, which this offer does not have — change the copy or add that code` });
  }
  const surface = o.copy.match(SURFACE_RE);
  if (surface) reasons.push({ code: "copy_surface", message: `"${surface[0].trim()}" is where the code is redeemed, not something customers should read — take it out of the copy` });
  return reasons.length ? row("copy", label, { state: "warn", reasons }) : row("copy", label, { detail: o.copy.trim() ? "Value and code agree with the fields." : "No copy yet." });
}

/** A code value (percent, or minor units) in the offer's own value field: BOGO's second item, currency units. */
const valueOf = (o: OfferUnderCheck, code: number, terms: CodeTerms, currency: string) => offerValueForCode(
  { offer_type: o.offerType, offer_value: o.offerValue, max_discount_unit: o.unit }, code, terms.discount_type, currency);

/** The one-click fix's button text for a patch. */
function fixLabel(p: FixPatch, o: OfferUnderCheck, terms: CodeTerms, currency: string): string {
  if (p.offerValue !== undefined && terms.discount_type === "percentage") {
    return `Use ${Number(p.offerValue.toFixed(2))}%${o.offerType === "bogo" ? " off the second item" : ""}`;
  }
  if (p.offerValue !== undefined) return `Use ${formatMoney(p.offerValue * minorPerMajor(currency), currency)} off`;
  return `Set minimum order to ${formatMoney((p.minimumSpend ?? 0) * minorPerMajor(currency), currency)}`;
}

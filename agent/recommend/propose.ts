import { headroomOf } from "@/core/governance";
import type { OfferDraft } from "../draft";
import type { TenantFacts } from "../facts";
import { addDays, spoken } from "../planner/calendar";
import benchmarks from "./benchmarks.json";

// "What do you suggest?": a proposal for the fields the draft leaves open, each with a reason a
// marketer can check. Grounded in governance (the surface's policy range, budget headroom) and the
// cited benchmarks in benchmarks.json; the validation node checks the result like any draft, so a
// proposal never decides a limit the budget cannot pay for.

export type Proposal = { patch: Partial<OfferDraft>; reasons: string[] };

const round5 = (n: number) => Math.max(5, Math.round(n / 5) * 5);

/** Fills open type, value, dates and total limit inside policy and budget; the reasons say why. */
export function proposeOffer(d: OfferDraft, facts: TenantFacts, today: string, pastOffers = 0): Proposal {
  const patch: Partial<OfferDraft> = {};
  const reasons: string[] = [];
  const enabled = facts.policies.filter((p) => p.enabled && (!d.surface || p.surface === d.surface));
  const lo = Math.max(0, ...enabled.map((p) => p.min_percent));
  const hi = enabled.length ? Math.min(...enabled.map((p) => p.max_percent)) : null;

  if (!d.offerType) {
    patch.offerType = "percentage_discount";
    reasons.push("A percentage off: every surface's policy is written in percent, so it is checked the same way everywhere.");
  }
  const type = patch.offerType ?? d.offerType;
  if (d.offerValue === null && (type === "percentage_discount" || type === "cashback") && hi !== null) {
    const value = Math.min(hi, Math.max(lo, round5((lo + hi) / 2)));
    Object.assign(patch, { offerValue: value, maxDiscountUnit: "%" });
    reasons.push(`${value}%: the middle of the ${lo}%–${hi}% your policy allows${d.surface ? ` on ${d.surface}` : ""}, leaving room to go up or down.`);
  }
  if (!d.startDate) {
    patch.startDate = addDays(today, 1);
    reasons.push(`Start ${spoken(patch.startDate)}: tomorrow, so codes are ready before the first customer sees the offer.`);
  }
  if (!d.endDate) {
    patch.endDate = addDays(patch.startDate ?? d.startDate ?? today, 27);
    reasons.push(`End ${spoken(patch.endDate)}: a four-week window, which you can shorten or extend.`);
  }
  const headroom = facts.tenantBudget ? headroomOf(facts.tenantBudget) / 100 : null;
  if (d.totalBudget === null && headroom !== null && headroom > 0) {
    patch.totalBudget = Math.floor(headroom / 10);
    reasons.push(`Budget ${money(patch.totalBudget)}: a tenth of the ${money(headroom)} still free in your discount budget.`);
  }
  const limit = totalLimit({ ...d, ...patch });
  if (d.totalUsageLimit === null && limit) {
    patch.totalUsageLimit = limit.count;
    reasons.push(limit.reason);
  }
  const rates = benchmarks.redemption_rates;
  if (pastOffers > 0) {
    reasons.push(`Expectations come from your ${pastOffers} past offers: the forecast scales the redemption curves of the most similar ones.`);
    return { patch, reasons };
  }
  reasons.push(`This tenant has no offer history I can read yet, so expectations come from published rates: ${rates
    .map((r) => `${r.label} ${(r.rate * 100).toFixed(1)}%`).join(", ")} (sources in agent/recommend/benchmarks.json).`);
  return { patch, reasons };
}

/** The total limit the budget pays for: budget ÷ the discount one redemption costs, when that is known. */
export function totalLimit(d: OfferDraft): { count: number; reason: string } | null {
  if (d.totalBudget === null || d.offerValue === null) return null;
  const per = d.maxDiscountUnit === "$" ? d.offerValue : d.minimumSpend !== null ? (d.offerValue / 100) * d.minimumSpend : null;
  if (!per || per <= 0) return null;
  const count = Math.floor(d.totalBudget / per);
  const basis = d.maxDiscountUnit === "$" ? `${money(per)} off` : `${d.offerValue}% of the ${money(d.minimumSpend!)} minimum order`;
  return { count, reason: `${count.toLocaleString("en-US")} redemptions in total: ${money(d.totalBudget)} ÷ ${basis} (${money(per)} each), so the limit never promises more than the budget pays.` };
}

const money = (n: number) => `$${n.toLocaleString("en-US", { maximumFractionDigits: 2 })}`;

import { AIMessage } from "@langchain/core/messages";
import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { can } from "@/core/auth/permissions";
import { readablePromoCode } from "@/core/offers/promo-code";
import { toolByName } from "@/tools";
import { toToolError } from "@/tools/registry";
import { type AgentDeps, runConfig, todayOf } from "../config";
import type { OfferDraft } from "../draft";
import type { OfferState, OfferStateUpdate } from "../state";
import { toCents } from "../terms";
import { loadDraftFacts, validateDraft } from "../validate";

// commit: writes through the tools only, as the signed-in caller issuing as "agent". create_offer
// writes the offer, its copy, its campaign link (the chosen campaign, or a new one from the draft) and
// its governed promo code in one transaction, and the governance core re-checks the code there
// whatever the conversation said: a refusal anywhere saves nothing.

/** A readable code when the draft names none: the audience or SAVE, the value, and 4 random chars. */
export function generatedCode(d: OfferDraft): string {
  return readablePromoCode(d.targetAudience?.[0] ?? "save", d.offerValue);
}

/** How the offer joins a campaign: the chosen one, or a new one from the draft. */
export type CampaignChoice = { campaignId: string | null; withBudget: boolean };

/**
 * create_offer's campaign fields: campaign_id when one was chosen, else a campaign described by the
 * draft (title as name, its dates, totalBudget as budget_cents when the caller may set budgets).
 */
export function campaignFields(d: OfferDraft, choice: CampaignChoice, currency = "USD"): Record<string, unknown> {
  if (choice.campaignId) return { campaign_id: choice.campaignId };
  const name = (d.title ?? d.objective ?? (d.promoCode ? `Offer ${d.promoCode}` : null) ?? "Copilot offer").slice(0, 200);
  const budget = choice.withBudget && d.totalBudget !== null ? { budget_cents: toCents(d.totalBudget, currency) } : {};
  return { campaign: { campaign_name: name, start_date: d.startDate, end_date: d.endDate, ...budget } };
}

/** The create_offer body for a draft (CONTRACT §3 column names; money in cents). */
export function createOfferInput(d: OfferDraft, activate: boolean, choice: CampaignChoice, currency = "USD"): Record<string, unknown> {
  const usesCode = d.redemptionMethod === "promo_code";
  return {
    offer_type: d.offerType,
    objective: d.objective,
    offer_status: activate ? "active" : "draft",
    offer_redemption_methods: d.redemptionMethod ? [d.redemptionMethod] : [],
    classification: d.programType,
    offer_value: d.offerValue,
    max_discount_unit: d.maxDiscountUnit,
    total_budget_cents: d.totalBudget === null ? null : toCents(d.totalBudget, currency),
    minimum_spend_cents: d.minimumSpend === null ? null : toCents(d.minimumSpend, currency),
    usage_limit_per_customer: d.usageLimitPerCustomer,
    total_usage_limit: d.totalUsageLimit,
    start_date: d.startDate,
    end_date: d.endDate,
    version_active_from: d.startDate,
    offer_expiry_date: d.endDate,
    target_audience: d.targetAudience ?? [],
    distribution_channels: d.distributionChannels ?? [],
    short_text: d.title,
    long_text: d.description,
    terms_conditions: d.terms,
    savings_amount: d.offerValue,
    savings_type: d.offerValue === null ? null : d.maxDiscountUnit === "$" ? "amount" : "percent",
    ...(usesCode ? { promo_code: d.promoCode ?? generatedCode(d), surface: d.surface } : {}),
    ...campaignFields(d, choice, currency),
  };
}

/** Builds the node; a refusal from the tools becomes a message the user can act on, never a crash. */
export function commitNode(deps: AgentDeps) {
  return async (state: OfferState, config: LangGraphRunnableConfig): Promise<OfferStateUpdate> => {
    const rc = runConfig(config);
    const draft = state.draft!;
    const stop = (error: string): OfferStateUpdate => ({ decision: null, error, messages: [new AIMessage(error)] });

    // The conversation's verdict may be stale (a budget spent, a KPI fallen): judge again before writing.
    // The tenant's currency decides what the draft's amounts mean in cents (ISO 4217 minor units).
    // The same evaluation the checks panel shows (core/offers/evaluate): commit refuses what it shows failing.
    const today = todayOf(rc, deps.now());
    const facts = await loadDraftFacts(deps, rc.caller, draft, today);
    const validation = validateDraft(draft, facts, today);
    if (!validation.ok) {
      const why = [...validation.issues.map((i) => i.message), ...validation.questions.map((q) => q.question)];
      return { ...stop(`Nothing was saved: ${why.join(" ")}`), verdict: validation };
    }

    const activate = can(rc.caller.role, "offers.activate");
    const tool = toolByName("create_offer");
    if (!tool) return stop("Offers cannot be saved yet: the create_offer tool is not available.");
    try {
      const choice = { campaignId: state.campaignId ?? rc.campaignId ?? null, withBudget: can(rc.caller.role, "budget.write") };
      const offer = (await deps.tools(tool, createOfferInput(draft, activate, choice, facts.currency), rc.caller)) as {
        offer_id: string; offer_status: string; promo_codes: { code_id: string; promo_code: string }[]; campaign_ids: string[];
      };
      const code = offer.promo_codes[0] ?? null;
      const committed = {
        offerId: offer.offer_id, codeId: code?.code_id ?? null, promoCode: code?.promo_code ?? null, offerStatus: offer.offer_status,
        campaignId: offer.campaign_ids[0] ?? null,
      };
      const done = activate
        ? `Done — the offer is ${offer.offer_status}${code ? ` with code ${code.promo_code}` : ""}.`
        : `Saved as a draft${code ? ` with code ${code.promo_code}` : ""}; an admin must confirm it before it goes live.`;
      return { committed, error: null, pendingQuestion: null, verdict: validation, messages: [new AIMessage(done)] };
    } catch (err) {
      const { error } = toToolError(err);
      return stop(`Nothing was saved: ${error.message}`);
    }
  };
}

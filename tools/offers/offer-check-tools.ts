import { and, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { rejected } from "@/core/errors";
import { REJECTION_CODES } from "@/core/errors";
import { CHECK_IDS, CHECK_STATES, checkWindow, evaluateOffer, type OfferEvaluation, type OfferUnderCheck } from "@/core/offers/evaluate";
import { blockedByChange, OFFER_HEALTHS, offerHealth } from "@/core/offers/health";
import type { Tx } from "@/db/database";
import { discountCodes, offerDescriptives, offers } from "@/db/schema";
import { tenantTx } from "../context";
import { SetPolicyInput } from "../discounts/policy-schemas";
import { defineTool } from "../registry";
import { Uuid } from "./common-schemas";
import { loadCheckFacts, loadHealthInputs, offerUnderCheck } from "./offer-facts";
import { loadOffer, type OfferRow, statusCondition } from "./offer-read";

// The one evaluation (core/offers/evaluate) behind the checks panel, the form's live re-check and
// activation; and the impact of a policy change on live offers, shown before it is saved.

/** One-click fix fields (core's FixPatch), so a fix read from the tool is the very patch the form applies. */
const FixPatch = z.object({
  usageLimitPerCustomer: z.number(), minimumSpend: z.number(), totalBudget: z.number(), offerValue: z.number(),
  startDate: z.string(), endDate: z.string(),
}).partial();
const Check = z.object({
  id: z.enum(CHECK_IDS), label: z.string(), state: z.enum(CHECK_STATES),
  reasons: z.array(z.object({ code: z.string(), message: z.string() })), detail: z.string().nullable(),
  fix: z.object({ label: z.string(), patch: FixPatch }).nullable(),
});
export const EvaluationOutput = z.object({ ok: z.boolean(), checks: z.array(Check), blocking: z.array(z.object({ code: z.enum(REJECTION_CODES), message: z.string() })) });

/** Evaluates a saved offer at `now` on the facts validate and redeem read. */
export async function evaluateSavedOffer(tx: Tx, row: OfferRow, now: Date): Promise<OfferEvaluation> {
  const o = await offerUnderCheck(tx, row);
  const facts = await loadCheckFacts(tx, row.tenant_id, o.surfaces, checkWindow(o, now.toISOString().slice(0, 10)), now);
  return evaluateOffer(o, facts);
}

/**
 * CONTRACT §9: activation runs every check of the offer and its codes; a failing one refuses it with its
 * §2.4 code. Creating an offer active (the data-flow document's Step 3) attaches its codes afterwards, so
 * there `requireCode` is false and only the missing-code rule is left out.
 */
export async function assertOfferPasses(tx: Tx, row: OfferRow, now: Date, opts: { requireCode?: boolean } = {}): Promise<void> {
  const e = await evaluateSavedOffer(tx, row, now);
  const skip = opts.requireCode === false ? new Set(e.checks.filter((c) => c.id === "code").flatMap((c) => c.reasons.map((r) => r.message))) : new Set<string>();
  const blocking = e.blocking.filter((r) => !skip.has(r.message));
  if (blocking.length) throw rejected(blocking, { checks: e.checks.filter((c) => c.state === "fail") });
}

export const getOfferChecks = defineTool({
  name: "get_offer_checks",
  description: "Every governance check of a saved offer right now (policy, KPI floors, budget per period, code, dates, audience), each with its reasons and a one-click fix where there is one.",
  input: z.object({ offer_id: Uuid }).strict(),
  output: EvaluationOutput,
  permission: "offers.read",
  execute: (input, ctx) => tenantTx(ctx, async (tx) => evaluateSavedOffer(tx, await loadOffer(tx, input.offer_id), ctx.now())),
});

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD").nullable();
export const DraftChecksInput = z.object({
  offer_type: z.string().max(64).nullable(), offer_value: z.number().nonnegative().nullable(), max_discount_unit: z.enum(["%", "$"]).nullable(),
  surface: z.string().max(64).nullable(), minimum_spend_cents: z.number().int().nonnegative().nullable(), total_budget_cents: z.number().int().nonnegative().nullable(),
  start_date: Day, end_date: Day, classification: z.string().max(64).nullable(), target_audience: z.array(z.string().max(100)).max(50),
  copy: z.string().max(10_000), usage_limit_per_customer: z.number().int().positive().nullable(), redemption_method: z.string().max(64).nullable(),
  promo_code: z.string().max(200).nullable(),
}).strict();

/** preview_draft_checks' input in the evaluator's shape; the copilot's validation maps its draft through it too. */
export function draftUnderCheck(d: z.output<typeof DraftChecksInput>): OfferUnderCheck {
  return {
    kind: "draft", offerType: d.offer_type, offerValue: d.offer_value, unit: d.max_discount_unit, surfaces: d.surface ? [d.surface] : [],
    minimumSpendCents: d.minimum_spend_cents, totalBudgetCents: d.total_budget_cents, startDate: d.start_date, endDate: d.end_date,
    programType: d.classification, audience: d.target_audience, copy: d.copy, perCustomerLimit: d.usage_limit_per_customer,
    redemptionMethod: d.redemption_method, promoCode: d.promo_code,
  };
}

export const previewDraftChecks = defineTool({
  name: "preview_draft_checks",
  description: "Evaluate an unsaved draft with the same checks activation runs; writes nothing (the form re-checks with it as fields change).",
  input: DraftChecksInput,
  output: EvaluationOutput,
  permission: "offers.write",
  execute: (d, ctx) =>
    tenantTx(ctx, async (tx, tenantId) => {
      const o = draftUnderCheck(d);
      return evaluateOffer(o, await loadCheckFacts(tx, tenantId, o.surfaces, checkWindow(o, ctx.now().toISOString().slice(0, 10)), ctx.now()));
    }),
});

const ImpactOutput = z.object({
  surface: z.string(),
  offers: z.array(z.object({ offer_id: Uuid, title: z.string().nullable(), health_now: z.enum(OFFER_HEALTHS), health_after: z.enum(OFFER_HEALTHS) })),
});

export const previewPolicyImpact = defineTool({
  name: "preview_policy_impact",
  description: "Which live offers a policy change (range or KPI floors) would block, before it is saved; same body as PUT /api/discount-policies/{surface}.",
  input: SetPolicyInput,
  output: ImpactOutput,
  permission: "policy.read",
  execute: (input, ctx) =>
    tenantTx(ctx, async (tx) => {
      const now = ctx.now();
      const onSurface = tx.select({ id: discountCodes.offer_id }).from(discountCodes).where(eq(discountCodes.surface, input.surface));
      const rows = await tx.select().from(offers)
        .where(and(isNull(offers.deleted_at), statusCondition("active", now), inArray(offers.offer_id, onSurface))).limit(500);
      const changed = { ...input, max_amount_cents: input.max_amount_cents ?? null };
      const { inputs, facts } = await loadHealthInputs(tx, rows, now, changed);
      if (!facts) return { surface: input.surface, offers: [] };
      const ids = blockedByChange([...inputs].map(([offer_id, i]) => ({ ...i, offer_id })), facts, changed);
      const titles = ids.length ? await tx.select({ id: offerDescriptives.offer_id, t: offerDescriptives.short_text }).from(offerDescriptives).where(inArray(offerDescriptives.offer_id, ids)) : [];
      const after = { ...facts, policies: [...facts.policies.filter((p) => p.surface !== changed.surface), changed] };
      return {
        surface: input.surface,
        offers: ids.map((id) => ({
          offer_id: id, title: titles.find((t) => t.id === id)?.t ?? null,
          health_now: offerHealth(inputs.get(id)!, facts), health_after: offerHealth(inputs.get(id)!, after),
        })),
      };
    }),
});

/** The check tools (their routes are in review-routes.ts). */
export const checkTools = [getOfferChecks, previewDraftChecks, previewPolicyImpact];

import { z } from "zod";
import { tenantTx } from "../context";
import { loadGovernanceFacts } from "../discounts/governance-facts";
import { loadCheckBudget } from "../offers/offer-facts";
import { defineTool } from "../registry";

// What the copilot advises and validates a draft on, read through the same governance loaders the
// proposal check, validate and redeem use (tools/discounts/governance-facts.ts), plus the tenant's
// currency, brand settings and whether the draft's promo code is taken. Agent-internal: no REST route.

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const PolicyFactsSchema = z.object({
  surface: z.string(), min_percent: z.number(), max_percent: z.number(), max_amount_cents: z.number().nullable(),
  kpi_floors: z.array(z.object({ kpi: z.string(), floor: z.number() })), max_snapshot_age_seconds: z.number(), enabled: z.boolean(),
});

/** Brand rules a draft's copy is checked against (tenants.settings). */
export const TenantSettingsSchema = z.object({
  banned_words: z.array(z.string()).optional(),
  required_terms: z.array(z.string()).optional(),
});
export type TenantSettings = z.output<typeof TenantSettingsSchema>;

export const CopilotFactsInput = z.object({
  promo_code: z.string().max(64).nullable().default(null).describe("The draft's code, to check it is not taken"),
  window: z.object({ from: z.string().regex(DAY), to: z.string().regex(DAY) }).nullable().default(null)
    .describe("The days the draft runs in (core checkWindow), for the budget's spend per period; null: today"),
}).strict();

export const CopilotFactsOutput = z.object({
  currency: z.string(),
  settings: TenantSettingsSchema,
  policies: z.array(PolicyFactsSchema),
  snapshots: z.array(z.object({ kpi: z.string(), surface: z.string(), value: z.number(), observed_at: z.date() })),
  tenant_budget: z.object({
    scope: z.literal("tenant"), scope_id: z.string(), cap_cents: z.number(), spent_cents: z.number(),
    period: z.enum(["month", "quarter", "total"]),
  }).nullable(),
  /** The tenant budget with its spend per period start over the window: what evaluateOffer checks headroom on. */
  budget_by_period: z.object({
    cap_cents: z.number(), period: z.enum(["month", "quarter", "total"]), spent: z.record(z.string(), z.number()),
  }).nullable(),
  /** The tenant's codes equal (case-insensitively) to promo_code, upper-cased. */
  existing_codes: z.array(z.string()),
});
export type CopilotFacts = z.output<typeof CopilotFactsOutput>;

export const getCopilotFacts = defineTool({
  name: "get_copilot_facts",
  description: "The tenant's governance facts (policies, fresh KPIs, budget headroom), currency and brand rules, for the copilot.",
  input: CopilotFactsInput,
  output: CopilotFactsOutput,
  permission: "agent.use",
  async execute(input, ctx) {
    const now = ctx.now();
    return tenantTx(ctx, async (tx, tenantId) => {
      const facts = await loadGovernanceFacts(tx, tenantId, now, null, { promoCode: input.promo_code });
      const today = now.toISOString().slice(0, 10);
      return {
        currency: facts.currency, settings: facts.settings, policies: facts.policies, snapshots: facts.snapshots,
        tenant_budget: facts.tenantBudget as CopilotFacts["tenant_budget"], existing_codes: facts.takenCodes,
        budget_by_period: await loadCheckBudget(tx, tenantId, input.window ?? { from: today, to: today }, facts.tenantBudget),
      };
    });
  },
});

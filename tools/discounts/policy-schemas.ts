import { z } from "zod";
import { Uuid } from "../tenancy/schemas";
import { Cents, DateTime, DiscountType, ListQuery, ReasonOut, Surface } from "./schemas";

// Zod schemas for policies, budget, KPI snapshots and proposal checks (CONTRACT §2.1).

const Percent = z.number().min(0).max(100);
export const KpiName = z.string().trim().regex(/^[a-z][a-z0-9_.-]{0,63}$/i, "a KPI name such as profit or mer");
export const KpiFloor = z.object({ kpi: KpiName, floor: z.number().finite() }).strict();

export const SetPolicyInput = z
  .object({
    surface: Surface,
    min_percent: Percent,
    max_percent: Percent,
    max_amount_cents: Cents.nullable().optional(),
    kpi_floors: z.array(KpiFloor).max(20).default([]),
    max_snapshot_age_seconds: z.number().int().min(1).max(366 * 86400).default(86400),
    enabled: z.boolean().default(true),
  })
  .strict()
  .refine((p) => p.min_percent <= p.max_percent, { path: ["min_percent"], message: "must not exceed max_percent" })
  .refine((p) => new Set(p.kpi_floors.map((f) => f.kpi)).size === p.kpi_floors.length, { path: ["kpi_floors"], message: "one floor per KPI" });
export type SetPolicyInput = z.output<typeof SetPolicyInput>;

export const PolicyOutput = z.object({
  surface: z.string(),
  min_percent: z.number(),
  max_percent: z.number(),
  max_amount_cents: z.number().int().nullable(),
  kpi_floors: z.array(z.object({ kpi: z.string(), floor: z.number() })),
  max_snapshot_age_seconds: z.number().int(),
  enabled: z.boolean(),
  updated_at: z.string(),
});
export const SurfaceInput = z.object({ surface: Surface }).strict();
export const ListPoliciesInput = z.object({ ...ListQuery }).strict();
export const ListPoliciesOutput = z.object({ policies: z.array(PolicyOutput), total_count: z.number().int(), limit: z.number().int(), offset: z.number().int() });

export const BudgetPeriod = z.enum(["month", "quarter", "total"]);
export const SetBudgetInput = z.object({ cap_cents: Cents, period: BudgetPeriod }).strict();
export const GetBudgetInput = z.object({}).strict();
export const BudgetOutput = z.object({
  cap_cents: z.number().int(),
  spent_cents: z.number().int(),
  headroom_cents: z.number().int(),
  period: BudgetPeriod,
  period_start: z.string(),
});
export type BudgetOutput = z.input<typeof BudgetOutput>;

export const RecordKpiInput = z
  .object({ kpi: KpiName, value: z.number().finite().min(-1e13).max(1e13), surface: Surface.optional(), observed_at: DateTime.optional() })
  .strict();
export const KpiOutput = z.object({
  snapshot_id: Uuid,
  kpi: z.string(),
  value: z.number(),
  surface: z.string().nullable(),
  observed_at: z.string(),
  created_at: z.string(),
});
/** `?kpi=&surface=` with empty values means "no filter", as a form or a templated URL sends it. */
const Blank = z.literal("");
export const ListKpiInput = z.object({ ...ListQuery, kpi: z.union([Blank, KpiName]).optional(), surface: z.union([Blank, Surface]).optional() }).strict();
export const ListKpiOutput = z.object({ kpi_snapshots: z.array(KpiOutput), total_count: z.number().int(), limit: z.number().int(), offset: z.number().int() });

export const CheckProposalInput = z
  .object({ surface: Surface, discount_type: DiscountType, value: z.number().min(0).describe("Percent, cents, or 0 for free_shipping"), total_budget_cents: Cents.optional() })
  .strict();
export const CheckProposalOutput = z.object({
  allowed: z.boolean(),
  reasons: z.array(ReasonOut),
  suggestion: z.object({ suggested_value: z.number().optional(), suggested_total_budget_cents: z.number().int().optional() }).nullable(),
});

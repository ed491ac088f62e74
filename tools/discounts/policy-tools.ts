import { and, count, eq } from "drizzle-orm";
import { notFound } from "@/core/errors";
import { discountPolicies, surfaces } from "@/db/schema";
import { changeDetails, writeAudit } from "../audit";
import { tenantTx } from "../context";
import { defineTool } from "../registry";
import { policyOut } from "./mappers";
import { ListPoliciesInput, ListPoliciesOutput, PolicyOutput, SetPolicyInput, SurfaceInput } from "./policy-schemas";

// Surfaces own the strategy: one policy per (tenant, surface), set by the tenant's admin.

export const setDiscountPolicy = defineTool({
  name: "set_discount_policy",
  description: "Create or replace a surface's discount policy: percent range, optional max amount, KPI floors and snapshot freshness.",
  input: SetPolicyInput,
  output: PolicyOutput,
  permission: "policy.write",
  async execute(input, ctx) {
    const now = ctx.now();
    return tenantTx(ctx, async (tx, tenant_id) => {
      const values = {
        min_percent: input.min_percent, max_percent: input.max_percent, max_amount_cents: input.max_amount_cents ?? null,
        kpi_floors: input.kpi_floors, max_snapshot_age_seconds: input.max_snapshot_age_seconds, enabled: input.enabled, updated_at: now,
      };
      const [before] = await tx.select().from(discountPolicies)
        .where(and(eq(discountPolicies.tenant_id, tenant_id), eq(discountPolicies.surface, input.surface))).for("update");
      await tx.insert(surfaces).values({ tenant_id, surface: input.surface }).onConflictDoNothing();
      const [row] = await tx.insert(discountPolicies).values({ tenant_id, surface: input.surface, ...values })
        .onConflictDoUpdate({ target: [discountPolicies.tenant_id, discountPolicies.surface], set: values }).returning();
      await writeAudit(tx, tenant_id, { caller: ctx.caller, action: "set_discount_policy", allowed: true, subject_type: "discount_policy", subject_id: input.surface, at: now, details: changeDetails(before ? policyOut(before) : null, policyOut(row), { ...input }) });
      return policyOut(row);
    });
  },
});

export const listDiscountPolicies = defineTool({
  name: "list_discount_policies",
  description: "List the tenant's discount policies, one per surface.",
  input: ListPoliciesInput,
  output: ListPoliciesOutput,
  permission: "policy.read",
  async execute(input, ctx) {
    return tenantTx(ctx, async (tx, tenantId) => {
      const where = eq(discountPolicies.tenant_id, tenantId);
      const rows = await tx.select().from(discountPolicies).where(where).orderBy(discountPolicies.surface).limit(input.limit).offset(input.offset);
      const [{ n }] = await tx.select({ n: count() }).from(discountPolicies).where(where);
      return { policies: rows.map(policyOut), total_count: Number(n), limit: input.limit, offset: input.offset };
    });
  },
});

export const getDiscountPolicy = defineTool({
  name: "get_discount_policy",
  description: "Get one surface's discount policy.",
  input: SurfaceInput,
  output: PolicyOutput,
  permission: "policy.read",
  async execute(input, ctx) {
    return tenantTx(ctx, async (tx, tenantId) => {
      const [row] = await tx.select().from(discountPolicies).where(and(eq(discountPolicies.tenant_id, tenantId), eq(discountPolicies.surface, input.surface)));
      if (!row) throw notFound("Discount policy");
      return policyOut(row);
    });
  },
});

export const policyTools = [setDiscountPolicy, listDiscountPolicies, getDiscountPolicy];

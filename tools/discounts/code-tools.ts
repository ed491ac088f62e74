import { and, count, desc, eq, type SQL } from "drizzle-orm";
import { invalidInput, notFound, rejected } from "@/core/errors";
import { codeTermsIssues, decideCodeTerms } from "@/core/governance";
import { discountCodes } from "@/db/schema";
import { changeDetails, writeAudit } from "../audit";
import { guardCodeUpdate } from "../offers/code-guard";
import { tenantTx } from "../context";
import { defineTool } from "../registry";
import { tryCreateCodeInTx } from "./code-store";
import { requireSurface } from "./surface-guard";
import { loadPolicies, loadTenantCurrency } from "./facts";
import { codeOut } from "./mappers";
import { CodeIdInput, CodeOutput, CreateCodeInput, ListCodesInput, ListCodesOutput, UpdateCodeInput } from "./schemas";

// Promo code CRUD (CONTRACT §2.2). Every create and update goes through the surface policy.

export const createDiscountCode = defineTool({
  name: "create_discount_code",
  description: "Create a promo code on a surface. The value must sit inside the surface's discount policy (422 policy_violation otherwise). Without promo_code a unique one is generated.",
  input: CreateCodeInput,
  output: CodeOutput,
  permission: "codes.create",
  async execute(input, ctx) {
    requireSurface(ctx.caller, input.surface);
    const result = await tenantTx(ctx, (tx, tenantId) => tryCreateCodeInTx(tx, tenantId, input, ctx.caller, ctx.now()));
    // Rejected after commit, so the audit row of the refusal stays.
    if (!result.ok) throw rejected(result.reasons);
    return result.code;
  },
});

export const listDiscountCodes = defineTool({
  name: "list_discount_codes",
  description: "List promo codes, newest first; filter by surface, status or offer_id.",
  input: ListCodesInput,
  output: ListCodesOutput,
  permission: "codes.read",
  async execute(input, ctx) {
    return tenantTx(ctx, async (tx, tenantId) => {
      const where: SQL[] = [eq(discountCodes.tenant_id, tenantId)];
      if (input.surface) where.push(eq(discountCodes.surface, input.surface));
      if (input.status) where.push(eq(discountCodes.status, input.status));
      if (input.offer_id) where.push(eq(discountCodes.offer_id, input.offer_id));
      const rows = await tx.select().from(discountCodes).where(and(...where))
        .orderBy(desc(discountCodes.created_at), discountCodes.code_id).limit(input.limit).offset(input.offset);
      const [{ n }] = await tx.select({ n: count() }).from(discountCodes).where(and(...where));
      return { promo_codes: rows.map(codeOut), total_count: Number(n), limit: input.limit, offset: input.offset };
    });
  },
});

export const getDiscountCode = defineTool({
  name: "get_discount_code",
  description: "Get one promo code by code_id, with its live redemption_count.",
  input: CodeIdInput,
  output: CodeOutput,
  permission: "codes.read",
  async execute(input, ctx) {
    return tenantTx(ctx, async (tx, tenantId) => {
      const [row] = await tx.select().from(discountCodes).where(and(eq(discountCodes.tenant_id, tenantId), eq(discountCodes.code_id, input.code_id)));
      if (!row) throw notFound("Promo code");
      return codeOut(row);
    });
  },
});

export const updateDiscountCode = defineTool({
  name: "update_discount_code",
  description: "Change a code's terms, limits, dates or status. The result is re-checked against the surface policy.",
  input: UpdateCodeInput,
  output: CodeOutput,
  permission: "codes.update",
  async execute(input, ctx) {
    const now = ctx.now();
    const result = await tenantTx(ctx, async (tx, tenantId) => {
      const [row] = await tx.select().from(discountCodes)
        .where(and(eq(discountCodes.tenant_id, tenantId), eq(discountCodes.code_id, input.code_id))).for("update");
      if (!row) throw notFound("Promo code");
      const { code_id, ...changes } = input;
      const changed = Object.entries(changes).filter(([, v]) => v !== undefined).map(([k]) => k);
      await guardCodeUpdate(tx, row, changed, changes.status, ctx.caller, now);
      const terms = { discount_type: changes.discount_type ?? row.discount_type, value: changes.value ?? Number(row.value) };
      const shape = codeTermsIssues(terms);
      if (shape.length) throw invalidInput("The code's terms are invalid", shape);
      const policy = (await loadPolicies(tx, tenantId, [row.surface])).get(row.surface) ?? null;
      const decision = decideCodeTerms(policy, row.surface, terms, await loadTenantCurrency(tx, tenantId));
      const audit = { caller: ctx.caller, action: "update_discount_code", subject_type: "promo_code", subject_id: row.promo_code, at: now, details: { code_id, ...changes } };
      if (!decision.allowed) {
        await writeAudit(tx, tenantId, { ...audit, allowed: false, reasons: decision.reasons });
        return { ok: false as const, reasons: decision.reasons };
      }
      const starts = changes.starts_at === undefined ? row.starts_at : changes.starts_at ? new Date(changes.starts_at) : null;
      const expires = changes.expires_at === undefined ? row.expires_at : changes.expires_at ? new Date(changes.expires_at) : null;
      if (starts && expires && expires <= starts) {
        throw invalidInput("expires_at must be after starts_at", [{ field: "expires_at", message: "must be after starts_at" }]);
      }
      const [updated] = await tx.update(discountCodes).set({
        ...terms, usage_limit: changes.usage_limit === undefined ? row.usage_limit : changes.usage_limit,
        per_customer_limit: changes.per_customer_limit === undefined ? row.per_customer_limit : changes.per_customer_limit,
        minimum_order_cents: changes.minimum_order_cents === undefined ? row.minimum_order_cents : changes.minimum_order_cents,
        starts_at: starts ?? null, expires_at: expires ?? null, status: changes.status ?? row.status, updated_at: now,
      }).where(and(eq(discountCodes.tenant_id, tenantId), eq(discountCodes.code_id, code_id))).returning();
      await writeAudit(tx, tenantId, { ...audit, allowed: true, details: changeDetails(codeOut(row), codeOut(updated), { code_id, offer_id: row.offer_id }) });
      return { ok: true as const, code: codeOut(updated) };
    });
    if (!result.ok) throw rejected(result.reasons);
    return result.code;
  },
});

export const deactivateDiscountCode = defineTool({
  name: "deactivate_discount_code",
  description: "Deactivate a promo code: it stops validating and redeeming; the ledger keeps its history.",
  input: CodeIdInput,
  output: CodeOutput,
  permission: "codes.update",
  async execute(input, ctx) {
    const now = ctx.now();
    return tenantTx(ctx, async (tx, tenantId) => {
      const [found] = await tx.select().from(discountCodes)
        .where(and(eq(discountCodes.tenant_id, tenantId), eq(discountCodes.code_id, input.code_id))).for("update");
      if (!found) throw notFound("Promo code");
      await guardCodeUpdate(tx, found, ["status"], "inactive", ctx.caller, now);
      const [row] = await tx.update(discountCodes).set({ status: "inactive", updated_at: now })
        .where(and(eq(discountCodes.tenant_id, tenantId), eq(discountCodes.code_id, input.code_id))).returning();
      await writeAudit(tx, tenantId, {
        caller: ctx.caller, action: "deactivate_discount_code", allowed: true, subject_type: "promo_code", subject_id: row.promo_code, at: now,
        details: changeDetails({ status: found.status }, { status: row.status }, { code_id: row.code_id, offer_id: row.offer_id }),
      });
      return codeOut(row);
    });
  },
});

export const codeTools = [createDiscountCode, listDiscountCodes, getDiscountCode, updateDiscountCode, deactivateDiscountCode];

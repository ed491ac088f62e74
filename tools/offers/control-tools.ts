import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { type FieldIssue, invalidInput } from "@/core/errors";
import type { Tx } from "@/db/database";
import { merchantLocations, offers, redemptionControls as rc } from "@/db/schema";
import { tenantTx } from "../context";
import { loadOr404, paginate } from "../crud";
import { defineTool } from "../registry";
import { assertLiveChangeAllowed } from "./code-guard";
import { iso } from "./common-schemas";
import {
  ControlIdInput, type ControlFields, ControlListOutput, ControlOutput, CreateControlInput, ListControlsInput, UpdateControlInput,
} from "./control-schemas";
import { auditControl } from "./offer-audit";

// CRUD of redemption controls (/dashboard/offers/redemption-controls).

type ControlRow = typeof rc.$inferSelect;
const toOutput = (r: ControlRow) => ({ ...r, created_at: iso(r.created_at)!, updated_at: iso(r.updated_at)! });

/** The offer and locations a control names must be the caller's own. */
async function checkRefs(tx: Tx, input: Partial<ControlFields>) {
  const issues: FieldIssue[] = [];
  if (input.offer_id) {
    const [o] = await tx.select({ id: offers.offer_id }).from(offers).where(and(eq(offers.offer_id, input.offer_id), sql`${offers.deleted_at} is null`));
    if (!o) issues.push({ field: "offer_id", message: "no such offer" });
  }
  const wanted = [...new Set(input.location_restrictions ?? [])];
  if (wanted.length) {
    const found = await tx.select({ id: merchantLocations.location_id }).from(merchantLocations).where(inArray(merchantLocations.location_id, wanted));
    const known = new Set(found.map((f) => f.id));
    wanted.forEach((id) => known.has(id) || issues.push({ field: "location_restrictions", message: `no such location ${id}` }));
  }
  if (issues.length) throw invalidInput("The redemption control names unknown objects", issues);
}

export const listControls = defineTool({
  name: "list_redemption_controls",
  description: "List redemption controls, optionally for one offer.",
  input: ListControlsInput,
  output: ControlListOutput,
  permission: "offers.read",
  execute: (input, ctx) =>
    tenantTx(ctx, async (tx) => {
      const conds: SQL[] = input.offer_id ? [eq(rc.offer_id, input.offer_id)] : [];
      return paginate(tx, {
        table: rc, where: and(...conds), orderBy: [desc(rc.created_at), desc(rc.control_id)], page: input, key: "redemption_controls", map: toOutput,
      });
    }),
});

export const createControl = defineTool({
  name: "create_redemption_control",
  description: "Create redemption controls for an offer: usage limit, per-customer limit, allowed locations.",
  input: CreateControlInput,
  output: ControlOutput,
  permission: "offers.write",
  execute: (input, ctx) =>
    tenantTx(ctx, async (tx, tenantId) => {
      await checkRefs(tx, input);
      await assertLiveChangeAllowed(tx, "redemption_controls", ctx.caller, ctx.now(), { offerIds: [input.offer_id] });
      const [row] = await tx.insert(rc).values({ tenant_id: tenantId, ...input, location_restrictions: [...new Set(input.location_restrictions ?? [])] }).returning();
      await auditControl(tx, tenantId, ctx, "create_redemption_control", null, row);
      return toOutput(row);
    }),
});

export const getControl = defineTool({
  name: "get_redemption_control",
  description: "Read one redemption control.",
  input: ControlIdInput,
  output: ControlOutput,
  permission: "offers.read",
  execute: (input, ctx) =>
    tenantTx(ctx, async (tx) => {
      return toOutput(await loadOr404(tx, rc, eq(rc.control_id, input.control_id), "Redemption control"));
    }),
});

export const updateControl = defineTool({
  name: "update_redemption_control",
  description: "Update a redemption control (partial).",
  input: UpdateControlInput,
  output: ControlOutput,
  permission: "offers.write",
  execute: (input, ctx) =>
    tenantTx(ctx, async (tx, tenantId) => {
      const { control_id, ...fields } = input;
      const existing = await loadOr404(tx, rc, eq(rc.control_id, control_id), "Redemption control", { lock: true });
      await checkRefs(tx, fields);
      const offerIds = [existing.offer_id, fields.offer_id];
      await assertLiveChangeAllowed(tx, "redemption_controls", ctx.caller, ctx.now(), { offerIds });
      const set = { ...fields, ...(fields.location_restrictions ? { location_restrictions: [...new Set(fields.location_restrictions)] } : {}) };
      const [row] = await tx.update(rc).set({ ...set, updated_at: sql`now()` }).where(eq(rc.control_id, control_id)).returning();
      await auditControl(tx, tenantId, ctx, "update_redemption_control", existing, row);
      return toOutput(row);
    }),
});

export const deleteControl = defineTool({
  name: "delete_redemption_control",
  description: "Delete a redemption control.",
  input: ControlIdInput,
  output: z.object({}),
  permission: "offers.write",
  execute: (input, ctx) =>
    tenantTx(ctx, async (tx, tenantId) => {
      const existing = await loadOr404(tx, rc, eq(rc.control_id, input.control_id), "Redemption control", { lock: true });
      await assertLiveChangeAllowed(tx, "redemption_controls", ctx.caller, ctx.now(), { offerIds: [existing.offer_id] });
      await tx.delete(rc).where(eq(rc.control_id, input.control_id));
      await auditControl(tx, tenantId, ctx, "delete_redemption_control", existing, null);
      return {};
    }),
});

import { and, count, desc, eq, type SQL } from "drizzle-orm";
import { invalidInput } from "@/core/errors";
import { discountKpiSnapshots } from "@/db/schema";
import { writeAudit } from "../audit";
import { tenantTx } from "../context";
import { defineTool } from "../registry";
import { kpiOut } from "./mappers";
import { requireKpiScope } from "./surface-guard";
import { KpiOutput, ListKpiInput, ListKpiOutput, RecordKpiInput } from "./policy-schemas";

// KPI snapshots gate discounts (policy kpi_floors); connectors and admins push them.

/** A reading dated in the future would look fresh forever; a little clock skew is tolerated. */
const MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;

export const recordKpiSnapshot = defineTool({
  name: "record_kpi_snapshot",
  description: "Record a KPI reading (e.g. profit, mer) for a surface or tenant-wide; policies' KPI floors use the latest fresh one.",
  input: RecordKpiInput,
  output: KpiOutput,
  permission: "kpi.write",
  async execute(input, ctx) {
    requireKpiScope(ctx.caller, input.surface);
    const now = ctx.now();
    const observed = input.observed_at ? new Date(input.observed_at) : now;
    if (observed.getTime() > now.getTime() + MAX_FUTURE_SKEW_MS) {
      throw invalidInput("observed_at is in the future", [{ field: "observed_at", message: "must not be in the future" }]);
    }
    return tenantTx(ctx, async (tx, tenant_id) => {
      const [row] = await tx.insert(discountKpiSnapshots).values({
        tenant_id, kpi: input.kpi, surface: input.surface ?? "", value: input.value, observed_at: observed, api_key_id: ctx.caller.apiKeyId,
      }).returning();
      await writeAudit(tx, tenant_id, { caller: ctx.caller, action: "record_kpi_snapshot", allowed: true, subject_type: "kpi_snapshot", subject_id: row.snapshot_id, at: now, details: { ...input } });
      return kpiOut(row);
    });
  },
});

export const listKpiSnapshots = defineTool({
  name: "list_kpi_snapshots",
  description: "KPI readings, latest first; filter by kpi and surface.",
  input: ListKpiInput,
  output: ListKpiOutput,
  permission: "kpi.read",
  async execute(input, ctx) {
    return tenantTx(ctx, async (tx, tenantId) => {
      const s = discountKpiSnapshots;
      const where: SQL[] = [eq(s.tenant_id, tenantId)];
      if (input.kpi) where.push(eq(s.kpi, input.kpi));
      if (input.surface) where.push(eq(s.surface, input.surface));
      const rows = await tx.select().from(s).where(and(...where)).orderBy(desc(s.observed_at), desc(s.created_at)).limit(input.limit).offset(input.offset);
      const [{ n }] = await tx.select({ n: count() }).from(s).where(and(...where));
      return { kpi_snapshots: rows.map(kpiOut), total_count: Number(n), limit: input.limit, offset: input.offset };
    });
  },
});

export const kpiTools = [recordKpiSnapshot, listKpiSnapshots];

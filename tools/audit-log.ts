import { and, count, desc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { invalidInput } from "@/core/errors";
import { apiKeys, auditLog } from "@/db/schema";
import { tenantTx } from "./context";
import { defineTool } from "./registry";
import { defineRoutes } from "./transports/route";

// GET /api/audit (CONTRACT §6): the tenant's audit log for its admins, newest first, filtered by action
// and time, paginated per §0. Every change to money, eligibility or access writes a row (tools/audit.ts).

const Instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "ISO-8601 timestamp");

export const ListAuditInput = z.object({
  action: z.string().trim().min(1).max(100).optional().describe("Only rows of this action, e.g. create_api_key"),
  since: Instant.optional().describe("Rows at or after this instant"),
  until: Instant.optional().describe("Rows before this instant"),
  limit: z.coerce.number().int().min(1).max(100, "limit is at most 100").default(20),
  offset: z.coerce.number().int().min(0).default(0),
}).strict();

export const AuditEntryOutput = z.object({
  audit_id: z.string(),
  at: z.string(),
  action: z.string(),
  allowed: z.boolean(),
  reasons: z.array(z.object({ code: z.string(), message: z.string() })),
  api_key_id: z.string().nullable(),
  role: z.string().nullable(),
  issuer_type: z.string().nullable(),
  provider: z.string().nullable(),
  subject_type: z.string().nullable(),
  subject_id: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).describe("before/after values of a change, and what else the action recorded"),
});

export const ListAuditOutput = z.object({
  entries: z.array(AuditEntryOutput),
  total_count: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});

export const listAuditLog = defineTool({
  name: "list_audit_log",
  description: "The tenant's audit log, newest first (admin only): who (api_key_id, role, issuer) changed what, "
    + "with before/after. Filters: action, since, until.",
  input: ListAuditInput,
  output: ListAuditOutput,
  permission: "audit.read",
  execute: (input, ctx) =>
    tenantTx(ctx, async (tx, tenantId) => {
      if (input.since && input.until && Date.parse(input.until) <= Date.parse(input.since)) {
        throw invalidInput("until must be after since", [{ field: "until", message: "must be after since" }]);
      }
      const conds: SQL[] = [eq(auditLog.tenant_id, tenantId)];
      if (input.action) conds.push(eq(auditLog.action, input.action));
      if (input.since) conds.push(gte(auditLog.at, new Date(input.since)));
      if (input.until) conds.push(lt(auditLog.at, new Date(input.until)));
      const where = and(...conds);
      const rows = await tx
        .select({ row: auditLog, keyRole: apiKeys.role })
        .from(auditLog)
        .leftJoin(apiKeys, eq(apiKeys.api_key_id, auditLog.api_key_id))
        .where(where)
        .orderBy(desc(auditLog.at), desc(sql`${auditLog.audit_id}`))
        .limit(input.limit)
        .offset(input.offset);
      const [{ n }] = await tx.select({ n: count() }).from(auditLog).where(where);
      const entries = rows.map(({ row: r, keyRole }) => ({
        audit_id: r.audit_id, at: new Date(r.at).toISOString(), action: r.action, allowed: r.allowed,
        reasons: r.reasons ?? [],
        api_key_id: r.api_key_id, role: r.role ?? keyRole ?? null, issuer_type: r.issuer_type, provider: r.provider,
        subject_type: r.subject_type, subject_id: r.subject_id, details: r.details ?? {},
      }));
      return { entries, total_count: Number(n), limit: input.limit, offset: input.offset };
    }),
});

/** Every audit tool once (the agent and MCP list these). */
export const auditTools = [listAuditLog];

export const auditRoutes = defineRoutes([
  { method: "GET", path: "/api/audit", tool: listAuditLog, tags: ["audit"], summary: "The tenant's audit log (admin)" },
]);

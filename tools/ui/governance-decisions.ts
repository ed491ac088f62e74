import { and, desc, eq, gte } from "drizzle-orm";
import { z } from "zod";
import { auditLog } from "@/db/schema";
import { tenantTx } from "../context";
import { defineTool } from "../registry";

// Read-only view of the governance core's recent decisions (audit_log), grouped by rejection reason,
// for the control room. The core writes these rows; this tool only reads and counts them.

/** How many rows are read at most; the window is for a dashboard glance, not an export. */
const SCAN_LIMIT = 2000;

const Input = z.object({
  since_days: z.coerce.number().int().min(1).max(366).default(30),
  recent_limit: z.coerce.number().int().min(1).max(100).default(10),
}).strict();

const Decision = z.object({
  audit_id: z.string(),
  at: z.string(),
  action: z.string(),
  allowed: z.boolean(),
  reasons: z.array(z.object({ code: z.string(), message: z.string() })),
  issuer_type: z.string().nullable(),
  provider: z.string().nullable(),
  subject_type: z.string().nullable(),
  subject_id: z.string().nullable(),
});

const Output = z.object({
  since: z.string(),
  total: z.number().int(),
  allowed: z.number().int(),
  rejected: z.number().int(),
  /** One group per rejection code, most frequent first; a rejection with two reasons counts in both. */
  by_reason: z.array(z.object({ code: z.string(), count: z.number().int(), last_message: z.string(), last_at: z.string() })),
  recent_rejections: z.array(Decision),
});

/** Groups rejected decisions by reason code; pure, so it is unit-testable without a database. */
export function groupByReason(rows: { at: string; allowed: boolean; reasons: { code: string; message: string }[] }[]) {
  const groups = new Map<string, { code: string; count: number; last_message: string; last_at: string }>();
  for (const r of rows) {
    if (r.allowed) continue;
    const codes = r.reasons.length ? r.reasons : [{ code: "unspecified", message: "Rejected without a stated reason" }];
    for (const reason of codes) {
      const g = groups.get(reason.code);
      if (!g) groups.set(reason.code, { code: reason.code, count: 1, last_message: reason.message, last_at: r.at });
      else {
        g.count += 1;
        if (r.at > g.last_at) Object.assign(g, { last_at: r.at, last_message: reason.message });
      }
    }
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}

export const listGovernanceDecisions = defineTool({
  name: "list_governance_decisions",
  description: "Recent governance decisions from the audit log: counts allowed/rejected and rejections grouped by reason code.",
  input: Input,
  output: Output,
  permission: "audit.read",
  execute: (input, ctx) =>
    tenantTx(ctx, async (tx, tenantId) => {
      const since = new Date(ctx.now().getTime() - input.since_days * 86400_000);
      const rows = await tx.select().from(auditLog)
        .where(and(eq(auditLog.tenant_id, tenantId), gte(auditLog.at, since)))
        .orderBy(desc(auditLog.at)).limit(SCAN_LIMIT);
      const decisions = rows.map((r) => ({
        audit_id: r.audit_id, at: new Date(r.at).toISOString(), action: r.action, allowed: r.allowed, reasons: r.reasons ?? [],
        issuer_type: r.issuer_type, provider: r.provider, subject_type: r.subject_type, subject_id: r.subject_id,
      }));
      const rejected = decisions.filter((d) => !d.allowed);
      return {
        since: since.toISOString(), total: decisions.length, allowed: decisions.length - rejected.length, rejected: rejected.length,
        by_reason: groupByReason(decisions), recent_rejections: rejected.slice(0, input.recent_limit),
      };
    }),
});

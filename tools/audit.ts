import type { Reason } from "@/core/errors";
import type { Tx } from "@/db/database";
import { auditLog } from "@/db/schema";
import type { Caller } from "./context";

// One way to write audit rows, so every decision and privileged change records the same fields.

export type AuditEntry = {
  caller: Pick<Caller, "issuerType" | "provider" | "apiKeyId">;
  /** The tool name or decision, e.g. redeem_discount_code. */
  action: string;
  allowed: boolean;
  reasons?: Reason[];
  subject_type?: string;
  subject_id?: string | null;
  details?: Record<string, unknown>;
  at?: Date;
};

/** The audit_log row of one entry (why: writeAudit and redeem's single-statement write record the same fields). */
export function auditRow(tenantId: string, e: AuditEntry) {
  return {
    tenant_id: tenantId,
    action: e.action,
    allowed: e.allowed,
    reasons: (e.reasons ?? []).map((r) => ({ code: r.code, message: r.message })),
    issuer_type: e.caller.issuerType,
    provider: e.caller.provider,
    api_key_id: e.caller.apiKeyId,
    subject_type: e.subject_type ?? null,
    subject_id: e.subject_id ?? null,
    details: e.details ?? {},
    ...(e.at ? { at: e.at } : {}),
  };
}

/** Inserts audit rows in the caller's transaction (one statement for many); commit it even when rejecting. */
export async function writeAudit(tx: Tx, tenantId: string, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  await tx.insert(auditLog).values(list.map((e) => auditRow(tenantId, e)));
}

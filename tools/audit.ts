import type { Reason } from "@/core/errors";
import type { Tx } from "@/db/database";
import { auditLog } from "@/db/schema";
import type { Caller } from "./context";

// One way to write audit rows, so every decision and privileged change records the same fields.

export type AuditEntry = {
  /** Who: key, issuer and (when known) role; CONTRACT §6 asks for all three. */
  caller: Pick<Caller, "issuerType" | "provider" | "apiKeyId"> & { role?: Caller["role"] };
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
    role: e.caller.role ?? null,
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

/** Plain JSON of a row for before/after (dates as ISO strings; why: audit details are jsonb). */
export function snapshot<T extends Record<string, unknown>>(row: T | null | undefined): Record<string, unknown> | null {
  if (!row) return null;
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
}

/** The details of a change: before and after (null for create/delete) plus anything else worth keeping. */
export function changeDetails(
  before: object | null | undefined, after: object | null | undefined, extra: Record<string, unknown> = {},
) {
  const plain = (o: object | null | undefined) => snapshot(o as Record<string, unknown> | null | undefined);
  return { ...extra, before: plain(before), after: plain(after) };
}

/** Audits one allowed change of a subject with before/after (why: every money/eligibility/access change). */
export async function auditChange(
  tx: Tx, tenantId: string, caller: AuditEntry["caller"], action: string,
  subject: { type: string; id: string | null }, before: object | null | undefined, after: object | null | undefined,
  extra: Record<string, unknown> = {}, at?: Date,
): Promise<void> {
  await writeAudit(tx, tenantId, {
    caller, action, allowed: true, subject_type: subject.type, subject_id: subject.id, at,
    details: changeDetails(before, after, extra),
  });
}

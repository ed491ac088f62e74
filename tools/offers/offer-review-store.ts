import { and, asc, desc, eq, gte, inArray, or, sql } from "drizzle-orm";
import { can } from "@/core/auth/permissions";
import { notFound, type Reason } from "@/core/errors";
import type { Tx } from "@/db/database";
import { apiKeys, auditLog, discountCodes } from "@/db/schema";
import type { Caller } from "../context";
import { ACTIVATION_REFUSED } from "./offer-audit";
import type { OfferRow } from "./offer-read";

// An offer's review and history, read from the audit log (the one record of who changed what): the
// approval state is the latest submit/reject/activate event; the timeline is every row about the offer
// plus the policy changes on the surfaces of its codes since it was created.

export const REVIEW_ACTIONS = ["submit_offer", "reject_offer", "activate_offer"] as const;
export type ReviewState = "submitted" | "rejected" | null;

/** Admins read every offer's history; a marketer reads the offers they created (others read as missing). */
export function assertMayReadHistory(row: OfferRow, caller: Caller): void {
  if (can(caller.role, "offers.activate")) return;
  if (row.created_by_key_id && row.created_by_key_id === caller.apiKeyId) return;
  throw notFound("Offer");
}

/** The latest review event per offer, for the approval queue and the detail page. */
export async function latestReviews(tx: Tx, tenantId: string, offerIds: string[] | null) {
  const rows = await tx.select({ offer_id: auditLog.subject_id, action: auditLog.action, at: auditLog.at, details: auditLog.details, api_key_id: auditLog.api_key_id })
    .from(auditLog)
    .where(and(eq(auditLog.tenant_id, tenantId), eq(auditLog.subject_type, "offer"), inArray(auditLog.action, [...REVIEW_ACTIONS]), offerIds ? inArray(auditLog.subject_id, offerIds) : undefined))
    .orderBy(desc(auditLog.at));
  const out = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (r.offer_id && !out.has(r.offer_id)) out.set(r.offer_id, r);
  return out;
}

/** submitted while the last review event is a submission, rejected after a rejection, else null. */
export function reviewStateOf(action: string | undefined): ReviewState {
  return action === "submit_offer" ? "submitted" : action === "reject_offer" ? "rejected" : null;
}

const FIELD_WORDS: Record<string, string> = {
  offer_value: "value", max_discount_unit: "unit", total_budget_cents: "budget", minimum_spend_cents: "minimum spend",
  usage_limit_per_customer: "limit per customer", total_usage_limit: "total limit", start_date: "start date", end_date: "end date",
  short_text: "title", long_text: "description", terms_conditions: "terms", offer_status: "status", target_audience: "audience",
  version_active_from: "start", offer_expiry_date: "expiry", classification: "program type",
};

/** The fields a before/after pair differs in, named in words. */
function changedFields(details: Record<string, unknown>): string[] {
  const before = (details.before ?? {}) as Record<string, unknown>;
  const after = (details.after ?? {}) as Record<string, unknown>;
  return Object.keys(after).filter((k) => FIELD_WORDS[k] && JSON.stringify(before[k]) !== JSON.stringify(after[k])).map((k) => FIELD_WORDS[k]);
}

/** One sentence per event, so the timeline reads without knowing the audit format. */
export function summarize(action: string, details: Record<string, unknown>): string {
  const after = (details.after ?? {}) as Record<string, unknown>;
  const before = (details.before ?? {}) as Record<string, unknown>;
  switch (action) {
    case "create_offer": return `Created as ${String(after.offer_status ?? "draft")}`;
    case "submit_offer": return details.note ? `Submitted for approval: ${String(details.note)}` : "Submitted for approval";
    case "reject_offer": return `Rejected: ${String(details.reason ?? "")}`;
    case "activate_offer": return "Approved and activated (every check passed)";
    case ACTIVATION_REFUSED: {
      const reasons = (details.reasons ?? []) as Reason[];
      return `Activation refused: ${reasons.map((r) => r.message).join("; ") || "a check failed"}`;
    }
    case "deactivate_offer": return "Paused";
    case "delete_offer": return "Archived";
    case "set_discount_policy":
      return `${String(after.surface ?? "")} policy changed: ${before.min_percent ?? "?"}–${before.max_percent ?? "?"}% → ${after.min_percent}–${after.max_percent}%`;
    default: {
      const fields = changedFields(details);
      const words = action.replace(/_/g, " ");
      return fields.length ? `${words[0].toUpperCase()}${words.slice(1)}: ${fields.join(", ")}` : `${words[0].toUpperCase()}${words.slice(1)}`;
    }
  }
}

/** Every audit row about the offer, and policy changes on its codes' surfaces since its first event, oldest first. */
export async function timelineRows(tx: Tx, row: OfferRow) {
  const surfaces = (await tx.selectDistinct({ s: discountCodes.surface }).from(discountCodes).where(eq(discountCodes.offer_id, row.offer_id))).map((r) => r.s);
  const own = or(and(eq(auditLog.subject_type, "offer"), eq(auditLog.subject_id, row.offer_id)), sql`${auditLog.details}->>'offer_id' = ${row.offer_id}`);
  const [first] = await tx.select({ at: auditLog.at }).from(auditLog).where(and(eq(auditLog.tenant_id, row.tenant_id), own)).orderBy(asc(auditLog.at)).limit(1);
  // The audit clock, not created_at, bounds the policy changes: both then come from the same clock.
  const since = first ? new Date(first.at) : row.created_at;
  const policy = surfaces.length ? and(eq(auditLog.action, "set_discount_policy"), inArray(auditLog.subject_id, surfaces), gte(auditLog.at, since)) : undefined;
  const rows = await tx.select({ a: auditLog, label: apiKeys.label, keyRole: apiKeys.role }).from(auditLog)
    .leftJoin(apiKeys, eq(apiKeys.api_key_id, auditLog.api_key_id))
    // Allowed rows, and refused activations: the marketer reads why an approval did not go through.
    .where(and(
      eq(auditLog.tenant_id, row.tenant_id), or(eq(auditLog.allowed, true), eq(auditLog.action, ACTIVATION_REFUSED)),
      or(own, policy),
    ))
    .orderBy(asc(auditLog.at), asc(sql`${auditLog.audit_id}`)).limit(500);
  return rows.map(({ a, label, keyRole }) => {
    const refusal = a.allowed ? {} : { reasons: a.reasons };
    const details: Record<string, unknown> = { ...(a.details as Record<string, unknown> | null), ...refusal };
    const role = a.role ?? keyRole ?? a.issuer_type ?? "system";
    return {
      at: new Date(a.at).toISOString(),
      actor: label ? `${label} (${role})` : role,
      action: a.action,
      details: {
        summary: summarize(a.action, details),
        ...(details.reason ? { reason: String(details.reason) } : {}),
        ...(details.note ? { note: String(details.note) } : {}),
        ...refusal,
      },
    };
  });
}

"use client";

import { useState } from "react";
import { type DraftField, type OfferDraft } from "@/agent/draft";
import { OFFER_TYPES, PROGRAM_TYPES, REDEMPTION_METHODS, SURFACES } from "@/core/offers/vocabulary";

// The draft as a form: one control per field of the agent's draft schema, each with a label.
// Values come from the agent's state; every change goes back through onChange (→ setState).

type Kind = "text" | "number" | "int" | "date" | "select" | "list" | "textarea";
type FieldDef = { key: DraftField; label: string; kind: Kind; options?: readonly string[]; wide?: boolean };

const FIELDS: FieldDef[] = [
  { key: "objective", label: "Objective", kind: "text", wide: true },
  { key: "title", label: "Title", kind: "text", wide: true },
  { key: "offerType", label: "Offer type", kind: "select", options: OFFER_TYPES },
  { key: "offerValue", label: "Value", kind: "number" },
  { key: "maxDiscountUnit", label: "Unit", kind: "select", options: ["%", "$"] },
  { key: "surface", label: "Surface", kind: "select", options: SURFACES },
  { key: "redemptionMethod", label: "Redemption", kind: "select", options: REDEMPTION_METHODS },
  { key: "promoCode", label: "Promo code", kind: "text" },
  { key: "startDate", label: "Start date", kind: "date" },
  { key: "endDate", label: "End date", kind: "date" },
  { key: "totalBudget", label: "Total budget", kind: "number" },
  { key: "minimumSpend", label: "Minimum spend", kind: "number" },
  { key: "usageLimitPerCustomer", label: "Limit per customer", kind: "int" },
  { key: "totalUsageLimit", label: "Total redemptions", kind: "int" },
  { key: "programType", label: "Program type", kind: "select", options: PROGRAM_TYPES },
  { key: "targetAudience", label: "Audience (comma-separated)", kind: "list" },
  { key: "description", label: "Description", kind: "textarea", wide: true },
  { key: "terms", label: "Terms", kind: "textarea", wide: true },
];

function display(v: unknown): string {
  if (v === null || v === undefined) return "";
  return Array.isArray(v) ? v.join(", ") : String(v);
}

/** Form text → the draft's typed value; empty means "not stated" (null), as in the schema. */
function parse(kind: Kind, raw: string): unknown {
  const t = raw.trim();
  if (t === "") return null;
  if (kind === "number") return Number.isFinite(Number(t)) ? Number(t) : null;
  if (kind === "int") return Number.isInteger(Number(t)) && Number(t) > 0 ? Number(t) : null;
  if (kind === "list") return t.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
  return raw;
}

const MAX_TEXT: Partial<Record<DraftField, number>> = { title: 200, description: 2000, terms: 4000, promoCode: 32 };

/** A plain-word problem with what was typed, or null; an invalid value never reaches the draft (issue 16 item 5). */
export function fieldProblem(kind: Kind, key: DraftField, raw: string): string | null {
  const t = raw.trim();
  const max = MAX_TEXT[key];
  if (max && raw.length > max) return `Keep it to ${max} characters (it has ${raw.length}).`;
  if (t === "") return null;
  if (kind === "number" && !(Number(t) >= 0)) return "Must be a number, 0 or more.";
  if (kind === "int" && !(Number.isInteger(Number(t)) && Number(t) > 0)) return "Must be a whole number above 0 (empty: no limit).";
  return null;
}

type Props = { draft: OfferDraft; disabled: boolean; issueFields: Set<string>; onChange: (field: DraftField, value: unknown) => void };

/** Renders the draft; fields the verdict points at are outlined red and described by the reason. */
export function DraftForm({ draft, disabled, issueFields, onChange }: Props) {
  // What was typed but refused, per field: shown with its reason and kept in the box so nothing is silently undone.
  const [bad, setBad] = useState<Partial<Record<DraftField, { text: string; message: string }>>>({});
  const edit = (f: FieldDef, raw: string, value: () => unknown) => {
    const message = fieldProblem(f.kind, f.key, raw);
    setBad((b) => ({ ...b, [f.key]: message ? { text: raw, message } : undefined }));
    if (!message) onChange(f.key, value());
  };
  return (
    <div className="form-grid" data-testid="draft-form">
      {FIELDS.map((f) => {
        const id = `draft-${f.key}`;
        const problem = bad[f.key];
        const value = problem ? problem.text : display(draft[f.key]);
        const cls = `field${f.wide ? " field-wide" : ""}${issueFields.has(f.key) || problem ? " has-issue" : ""}`;
        const common = { id, name: f.key, disabled, "aria-invalid": issueFields.has(f.key) || !!problem || undefined, "aria-describedby": problem ? `${id}-err` : undefined };
        return (
          <div key={f.key} className={cls}>
            <label htmlFor={id}>{f.label}</label>
            {f.kind === "select" ? (
              <select {...common} value={value} onChange={(e) => onChange(f.key, e.target.value || null)}>
                <option value="">—</option>
                {f.options!.map((o) => <option key={o} value={o}>{o.replace(/_/g, " ")}</option>)}
              </select>
            ) : f.kind === "textarea" ? (
              <textarea {...common} rows={2} value={value} onChange={(e) => edit(f, e.target.value, () => parse(f.kind, e.target.value))} />
            ) : (
              <input {...common} type={f.kind === "date" ? "date" : f.kind === "number" || f.kind === "int" ? "number" : "text"}
                step={f.kind === "int" ? 1 : f.kind === "number" ? "any" : undefined} value={value}
                onChange={(e) => edit(f, e.target.value, () => (f.key === "promoCode" ? (e.target.value.trim().toUpperCase() || null) : parse(f.kind, e.target.value)))} />
            )}
            {problem && <span id={`${id}-err`} className="small field-error" role="alert" data-testid={`field-error-${f.key}`}>{problem.message}</span>}
          </div>
        );
      })}
    </div>
  );
}

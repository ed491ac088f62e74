"use client";

import { useState, useTransition } from "react";
import { minorPerMajor } from "@/core/offers/money";
import { type ManageState, saveOfferFields } from "@/lib/ui/offer-manage-actions";
import type { OfferSummary } from "@/lib/ui/outputs";

// Editing a saved offer: plain-word errors beside each field before anything is sent, the server's field
// errors in the same places after, and "Saved." when it saved. Money is typed in currency units.

type Key = "short_text" | "long_text" | "offer_value" | "total_budget" | "minimum_spend" | "usage_limit_per_customer" | "total_usage_limit" | "start_date" | "end_date";
const FIELDS: { key: Key; label: string; type: "text" | "textarea" | "number" | "int" | "date" }[] = [
  { key: "short_text", label: "Title", type: "text" },
  { key: "offer_value", label: "Value", type: "number" },
  { key: "total_budget", label: "Total budget", type: "number" },
  { key: "minimum_spend", label: "Minimum spend", type: "number" },
  { key: "usage_limit_per_customer", label: "Limit per customer", type: "int" },
  { key: "total_usage_limit", label: "Total redemptions", type: "int" },
  { key: "start_date", label: "Start date", type: "date" },
  { key: "end_date", label: "End date", type: "date" },
  { key: "long_text", label: "Description", type: "textarea" },
];
const API_KEY: Record<Key, string> = {
  short_text: "short_text", long_text: "long_text", offer_value: "offer_value", total_budget: "total_budget_cents", minimum_spend: "minimum_spend_cents",
  usage_limit_per_customer: "usage_limit_per_customer", total_usage_limit: "total_usage_limit", start_date: "start_date", end_date: "end_date",
};

/** The form's starting text for each field, from the offer (money in currency units). */
function initial(o: OfferSummary, per: number): Record<Key, string> {
  const s = (v: unknown) => (v === null || v === undefined ? "" : String(v));
  return {
    short_text: s(o.short_text), long_text: s(o.long_text), offer_value: s(o.offer_value),
    total_budget: o.total_budget_cents === null ? "" : String(o.total_budget_cents / per),
    minimum_spend: o.minimum_spend_cents == null ? "" : String(o.minimum_spend_cents / per),
    usage_limit_per_customer: s(o.usage_limit_per_customer), total_usage_limit: s(o.total_usage_limit), start_date: s(o.start_date), end_date: s(o.end_date),
  };
}

/** Field errors in plain words, checked as the marketer types. */
export function localErrors(v: Record<Key, string>): Partial<Record<Key, string>> {
  const e: Partial<Record<Key, string>> = {};
  if (v.short_text.length > 200) e.short_text = `Keep the title to 200 characters (it has ${v.short_text.length}).`;
  for (const k of ["offer_value", "total_budget", "minimum_spend"] as const) {
    if (v[k] !== "" && !(Number(v[k]) >= 0)) e[k] = "Must be a number, 0 or more.";
  }
  for (const k of ["usage_limit_per_customer", "total_usage_limit"] as const) {
    if (v[k] !== "" && !(Number.isInteger(Number(v[k])) && Number(v[k]) > 0)) e[k] = "Must be a whole number above 0, or empty for no limit.";
  }
  if (v.start_date && v.end_date && v.end_date < v.start_date) e.end_date = "The offer ends before it starts: pick an end date on or after the start.";
  return e;
}

/** Only the changed fields, in the API's names and units. */
function changes(v: Record<Key, string>, was: Record<Key, string>, per: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of FIELDS) {
    if (v[f.key] === was[f.key]) continue;
    const t = v[f.key].trim();
    const num = f.key === "total_budget" || f.key === "minimum_spend" ? Math.round(Number(t) * per) : Number(t);
    out[API_KEY[f.key]] = t === "" ? null : f.type === "number" || f.type === "int" ? num : t;
  }
  return out;
}

export function OfferEditForm({ offer, currency }: { offer: OfferSummary; currency: string }) {
  const per = minorPerMajor(currency);
  const [was, setWas] = useState(() => initial(offer, per));
  const [v, setV] = useState(was);
  const [state, setState] = useState<ManageState | null>(null);
  const [pending, start] = useTransition();
  const local = localErrors(v);
  const server = state?.fields ?? {};
  const errorOf = (k: Key) => local[k] ?? server[API_KEY[k]];
  const dirty = FIELDS.some((f) => v[f.key] !== was[f.key]);

  const save = () => start(async () => {
    const r = await saveOfferFields(offer.offer_id, changes(v, was, per));
    setState(r);
    if (r.ok) setWas(v);
  });

  return (
    <form className="stack" aria-label="Edit offer" data-testid="edit-form" noValidate onSubmit={(e) => { e.preventDefault(); if (!Object.keys(local).length) save(); }}>
      <div className="form-grid">
        {FIELDS.map((f) => {
          const id = `edit-${f.key}`;
          const err = errorOf(f.key);
          const common = { id, name: f.key, value: v[f.key], "aria-invalid": err ? true : undefined, "aria-describedby": err ? `${id}-err` : undefined };
          const onChange = (e: { target: { value: string } }) => { setV({ ...v, [f.key]: e.target.value }); setState(null); };
          return (
            <div key={f.key} className={`field${f.type === "textarea" || f.key === "short_text" ? " field-wide" : ""}${err ? " has-issue" : ""}`}>
              <label htmlFor={id}>{f.label}</label>
              {f.type === "textarea" ? <textarea {...common} rows={2} onChange={onChange} />
                : <input {...common} type={f.type === "date" ? "date" : f.type === "text" ? "text" : "number"} step={f.type === "int" ? 1 : "any"} onChange={onChange} />}
              {err && <span id={`${id}-err`} className="small field-error" role="alert" data-testid={`error-${f.key}`}>{err}</span>}
            </div>
          );
        })}
      </div>
      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={pending || !dirty || Object.keys(local).length > 0}>{pending ? "Saving…" : "Save changes"}</button>
        <span aria-live="polite">{state?.ok && <span role="status" className="badge ok" data-testid="edit-saved">Saved.</span>}</span>
      </div>
      {state?.error && <p role="alert" className="alert alert-error" data-testid="edit-error">{state.error}</p>}
    </form>
  );
}

"use client";

import { useState, useTransition } from "react";
import { SURFACES } from "@/core/offers/vocabulary";
import { addCode, deactivateCode, generateCodes, type ManageState } from "@/lib/ui/offer-manage-actions";
import { money } from "@/lib/ui/format";
import type { PromoCode } from "@/lib/ui/outputs";

type Terms = { discount_type: string; value: number } | null;
type Props = {
  offerId: string; codes: PromoCode[]; terms: Terms; surface: string | null; currency: string;
  limits: { per_customer_limit: number | null; minimum_order_cents: number | null };
};

/** The offer's codes with usage against limits; add one, deactivate one, generate a batch and download them as CSV. */
export function CodeManager({ offerId, codes, terms, surface, currency, limits }: Props) {
  const [state, setState] = useState<ManageState | null>(null);
  const [pending, start] = useTransition();
  const [code, setCode] = useState("");
  const [count, setCount] = useState("10");
  const [where, setWhere] = useState(surface ?? "shopify");
  const [limit, setLimit] = useState("");
  const act = (fn: () => Promise<ManageState>) => start(async () => setState(await fn()));
  const body = () => ({
    surface: where, ...(terms ?? {}), ...(limit ? { usage_limit: Number(limit) } : {}),
    ...(limits.per_customer_limit ? { per_customer_limit: limits.per_customer_limit } : {}),
    ...(limits.minimum_order_cents ? { minimum_order_cents: limits.minimum_order_cents } : {}),
  });
  const codeError = code && !/^[A-Z0-9][A-Z0-9_-]{2,31}$/.test(code) ? "3–32 characters of A–Z, 0–9, - and _ (nothing is cut off: fix it here)." : null;
  const countError = !(Number.isInteger(Number(count)) && Number(count) >= 1 && Number(count) <= 100) ? "Between 1 and 100." : null;

  return (
    <div className="stack" data-testid="code-manager">
      {codes.length === 0 ? <div className="empty">This offer has no promo codes.</div> : (
        <div className="table-wrap">
          <table>
            <thead><tr><th>Code</th><th>Terms</th><th>Used</th><th>Status</th><th /></tr></thead>
            <tbody>
              {codes.map((c) => (
                <tr key={c.code_id} data-testid="promo-code">
                  <td><span className="code-chip">{c.promo_code}</span> <span className="small muted">{c.surface}</span></td>
                  <td className="small">{c.discount_type === "percentage" ? `${c.value}% off` : c.discount_type === "fixed" ? `${money(c.value, currency)} off` : "Free shipping"}</td>
                  <td className="small">{c.redemption_count} of {c.usage_limit ?? "unlimited"}{c.per_customer_limit ? ` · ${c.per_customer_limit} per customer` : ""}</td>
                  <td className="small">{c.status}</td>
                  <td>{c.status === "active" && <button type="button" className="btn btn-small" disabled={pending} onClick={() => act(() => deactivateCode(offerId, c.code_id))}>Deactivate {c.promo_code}</button>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {codes.length > 0 && <a className="btn btn-small" href={`/offers/${offerId}/codes.csv`} download data-testid="codes-csv">Download codes (CSV)</a>}
      {!terms ? <p className="small muted">Set the offer&apos;s type and value before adding codes.</p> : (
        <div className="form-grid">
          <div className="field">
            <label htmlFor="code-surface">Surface</label>
            <select id="code-surface" value={where} onChange={(e) => setWhere(e.target.value)}>{SURFACES.map((s) => <option key={s} value={s}>{s}</option>)}</select>
          </div>
          <div className="field">
            <label htmlFor="code-limit">Uses per code (optional)</label>
            <input id="code-limit" type="number" min={1} step={1} value={limit} onChange={(e) => setLimit(e.target.value)} />
          </div>
          <div className={`field${codeError ? " has-issue" : ""}`}>
            <label htmlFor="code-new">New code (empty: generated)</label>
            <input id="code-new" value={code} onChange={(e) => setCode(e.target.value.toUpperCase())} aria-invalid={codeError ? true : undefined} />
            {codeError && <span className="small field-error" role="alert">{codeError}</span>}
            <button type="button" className="btn btn-small" disabled={pending || !!codeError} onClick={() => act(async () => { const r = await addCode(offerId, { ...body(), ...(code ? { promo_code: code } : {}) }); if (r.ok) setCode(""); return r; })}>Add code</button>
          </div>
          <div className={`field${countError ? " has-issue" : ""}`}>
            <label htmlFor="code-count">Generate a batch of</label>
            <input id="code-count" type="number" min={1} max={100} value={count} onChange={(e) => setCount(e.target.value)} aria-invalid={countError ? true : undefined} />
            {countError && <span className="small field-error" role="alert">{countError}</span>}
            <button type="button" className="btn btn-small" data-testid="generate-codes" disabled={pending || !!countError} onClick={() => act(() => generateCodes(offerId, body(), Number(count)))}>{pending ? "Working…" : "Generate codes"}</button>
          </div>
        </div>
      )}
      <div aria-live="polite">
        {state?.error && <p role="alert" className="alert alert-error small">{state.error}</p>}
        {state?.ok && <p role="status" className="alert alert-ok small" data-testid="codes-ok">{state.ok}</p>}
      </div>
    </div>
  );
}

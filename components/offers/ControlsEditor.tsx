"use client";

import { useState, useTransition } from "react";
import { type ManageState, saveControls } from "@/lib/ui/offer-manage-actions";

type Control = { control_id: string; usage_limit: number | null; per_customer_limit: number | null; location_restrictions: string[] };

/** The offer's redemption controls (limits that apply across all its codes); a live offer's need an admin. */
export function ControlsEditor({ offerId, controls }: { offerId: string; controls: Control[] }) {
  const first = controls[0] ?? null;
  const [total, setTotal] = useState(first?.usage_limit?.toString() ?? "");
  const [perCustomer, setPerCustomer] = useState(first?.per_customer_limit?.toString() ?? "");
  const [state, setState] = useState<ManageState | null>(null);
  const [pending, start] = useTransition();
  const bad = (v: string) => (v !== "" && !(Number.isInteger(Number(v)) && Number(v) > 0) ? "A whole number above 0, or empty for no limit." : null);
  const errors = { total: bad(total), perCustomer: bad(perCustomer) };
  const num = (v: string) => (v === "" ? null : Number(v));
  return (
    <form className="stack" aria-label="Redemption controls" data-testid="controls-editor"
      onSubmit={(e) => { e.preventDefault(); start(async () => setState(await saveControls(offerId, first?.control_id ?? null, { usage_limit: num(total), per_customer_limit: num(perCustomer) }))); }}>
      <div className="form-grid">
        <div className={`field${errors.total ? " has-issue" : ""}`}>
          <label htmlFor="ctl-total">Redemptions in total (all codes)</label>
          <input id="ctl-total" type="number" min={1} step={1} value={total} onChange={(e) => setTotal(e.target.value)} aria-invalid={errors.total ? true : undefined} />
          {errors.total && <span className="small field-error" role="alert">{errors.total}</span>}
        </div>
        <div className={`field${errors.perCustomer ? " has-issue" : ""}`}>
          <label htmlFor="ctl-customer">Redemptions per customer</label>
          <input id="ctl-customer" type="number" min={1} step={1} value={perCustomer} onChange={(e) => setPerCustomer(e.target.value)} aria-invalid={errors.perCustomer ? true : undefined} />
          {errors.perCustomer && <span className="small field-error" role="alert">{errors.perCustomer}</span>}
        </div>
      </div>
      {controls.some((c) => c.location_restrictions.length > 0) && <p className="small muted">Location restrictions also apply ({controls.flatMap((c) => c.location_restrictions).length} locations).</p>}
      <div><button type="submit" className="btn btn-small" disabled={pending || !!errors.total || !!errors.perCustomer}>{pending ? "Saving…" : "Save controls"}</button></div>
      <div aria-live="polite">
        {state?.error && <p role="alert" className="alert alert-error small">{state.error}</p>}
        {state?.ok && <p role="status" className="alert alert-ok small">{state.ok}</p>}
      </div>
    </form>
  );
}

"use client";

import { useState, useTransition } from "react";
import { type LocationChoice, parseLocationList } from "@/lib/ui/location-list";
import { type ManageState, saveControls } from "@/lib/ui/offer-manage-actions";
import { LocationsField } from "./LocationsField";

type Control = { control_id: string; usage_limit: number | null; per_customer_limit: number | null; location_restrictions: string[] };

type Props = { offerId: string; controls: Control[]; locations: LocationChoice[] };

/** The offer's redemption controls (limits and allowed locations across all its codes); a live offer's need an admin. */
export function ControlsEditor({ offerId, controls, locations }: Props) {
  const first = controls[0] ?? null;
  const [total, setTotal] = useState(first?.usage_limit?.toString() ?? "");
  const [perCustomer, setPerCustomer] = useState(first?.per_customer_limit?.toString() ?? "");
  const [locText, setLocText] = useState((first?.location_restrictions ?? []).join("\n"));
  const [state, setState] = useState<ManageState | null>(null);
  const [pending, start] = useTransition();
  const bad = (v: string) => (v !== "" && !(Number.isInteger(Number(v)) && Number(v) > 0) ? "A whole number above 0, or empty for no limit." : null);
  const allowed = parseLocationList(locText);
  const serverLoc = state?.fields?.location_restrictions;
  const errors = { total: bad(total), perCustomer: bad(perCustomer), locations: allowed.error ?? serverLoc ?? null };
  const num = (v: string) => (v === "" ? null : Number(v));
  const save = () => saveControls(offerId, first?.control_id ?? null, { usage_limit: num(total), per_customer_limit: num(perCustomer), location_restrictions: allowed.ids });
  return (
    <form className="stack" aria-label="Redemption controls" data-testid="controls-editor"
      onSubmit={(e) => { e.preventDefault(); start(async () => setState(await save())); }}>
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
      <LocationsField text={locText} onChange={(t) => { setLocText(t); if (serverLoc) setState(null); }} error={errors.locations} choices={locations} />
      {controls.length > 1 && <p className="small muted">This offer has {controls.length} sets of controls; these fields edit the first, and every set applies.</p>}
      <div><button type="submit" className="btn btn-small" data-testid="save-controls" disabled={pending || !!errors.total || !!errors.perCustomer || !!allowed.error}>{pending ? "Saving…" : "Save controls"}</button></div>
      <div aria-live="polite">
        {state?.error && <p role="alert" className="alert alert-error small" data-testid="controls-error">{state.error}</p>}
        {state?.ok && <p role="status" className="alert alert-ok small" data-testid="controls-saved">{state.ok}</p>}
      </div>
    </form>
  );
}

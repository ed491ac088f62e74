"use client";

import { useState, useTransition } from "react";
import { savePolicyRange, type SaveResult } from "@/lib/ui/control-actions";
import { type Impact, previewPolicyChange } from "@/lib/ui/impact-actions";
import { ImpactList } from "./ImpactList";
import type { Policy } from "@/lib/ui/control-view";

/** Min/max % sliders for every surface; each save asks for confirmation first. */
export function PolicyEditor({ policies, canEdit }: { policies: Policy[]; canEdit: boolean }) {
  if (policies.length === 0) return <div className="empty">No surface has a discount policy yet.</div>;
  return (
    <div className="stack">
      {policies.map((p) => <SurfacePolicy key={p.surface} policy={p} canEdit={canEdit} />)}
    </div>
  );
}

function SurfacePolicy({ policy, canEdit }: { policy: Policy; canEdit: boolean }) {
  const [min, setMin] = useState(policy.min_percent);
  const [max, setMax] = useState(policy.max_percent);
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<SaveResult | null>(null);
  const [impact, setImpact] = useState<Impact | null>(null);
  const [pending, start] = useTransition();
  const dirty = min !== policy.min_percent || max !== policy.max_percent;
  const invalid = min > max;
  const id = `policy-${policy.surface}`;

  const save = () =>
    start(async () => {
      const r = await savePolicyRange(policy.surface, min, max);
      setResult(r);
      setConfirming(false);
    });

  return (
    <fieldset data-testid={id}>
      <legend>{policy.surface} {policy.enabled ? "" : <span className="badge warn">disabled</span>}</legend>
      <div className="slider-row">
        <label htmlFor={`${id}-min`}>Minimum %</label>
        <input id={`${id}-min`} type="range" min={0} max={100} step={1} value={min} disabled={!canEdit || pending}
          onChange={(e) => { setMin(Number(e.target.value)); setResult(null); }} aria-valuetext={`${min} percent`} />
        <output htmlFor={`${id}-min`} data-testid={`${id}-min-value`}>{min}%</output>
      </div>
      <div className="slider-row">
        <label htmlFor={`${id}-max`}>Maximum %</label>
        <input id={`${id}-max`} type="range" min={0} max={100} step={1} value={max} disabled={!canEdit || pending}
          onChange={(e) => { setMax(Number(e.target.value)); setResult(null); }} aria-valuetext={`${max} percent`} />
        <output htmlFor={`${id}-max`} data-testid={`${id}-max-value`}>{max}%</output>
      </div>
      {invalid && <p role="alert" className="alert alert-error">The minimum must not exceed the maximum.</p>}
      {canEdit && !confirming && (
        <div className="row">
          <button type="button" className="btn btn-primary btn-small" disabled={!dirty || invalid || pending}
            onClick={() => { setImpact(null); setConfirming(true); start(async () => setImpact(await previewPolicyChange(policy.surface, { min_percent: min, max_percent: max }))); }}>Save {policy.surface}</button>
          {dirty && <button type="button" className="btn btn-small" onClick={() => { setMin(policy.min_percent); setMax(policy.max_percent); }}>Reset</button>}
        </div>
      )}
      {confirming && (
        <div className="alert alert-warn row" role="group" aria-label="Confirm policy change">
          <div className="stack" style={{ flexBasis: "100%" }}>
            <span>Apply {min}–{max}% to every {policy.surface} code — live offers included — and every new draft?</span>
            <ImpactList impact={impact} />
          </div>
          <button type="button" className="btn btn-primary btn-small" onClick={save} disabled={pending} autoFocus>{pending ? "Saving…" : "Confirm save"}</button>
          <button type="button" className="btn btn-small" onClick={() => setConfirming(false)} disabled={pending}>Cancel</button>
        </div>
      )}
      <div aria-live="polite">{result && <p className={`alert ${result.ok ? "alert-ok" : "alert-error"}`} role={result.ok ? "status" : "alert"}>{result.message}</p>}</div>
      {!canEdit && <p className="muted small">Only an admin can change policies.</p>}
    </fieldset>
  );
}

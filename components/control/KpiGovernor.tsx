"use client";

import { useMemo, useState, useTransition } from "react";
import { saveKpiFloor, type SaveResult } from "@/lib/ui/control-actions";
import type { KpiStatus } from "@/lib/ui/control-view";
import { type Impact, previewPolicyChange } from "@/lib/ui/impact-actions";
import { ImpactList } from "./ImpactList";

/** Pick a surface's KPI, set its floor and freshness, and see the core's verdict on the latest reading. */
export function KpiGovernor({ statuses, canEdit }: { statuses: KpiStatus[]; canEdit: boolean }) {
  const keys = useMemo(() => statuses.map((s) => `${s.surface}:${s.kpi}`), [statuses]);
  // Opens on the first failing floor, since that is what an operator needs to see.
  const firstFailing = statuses.find((s) => !s.pass);
  const [selected, setSelected] = useState(firstFailing ? `${firstFailing.surface}:${firstFailing.kpi}` : keys[0] ?? "");
  if (statuses.length === 0) return <div className="empty">No KPI floors are set on any surface.</div>;
  const current = statuses.find((s) => `${s.surface}:${s.kpi}` === selected) ?? statuses[0];
  const paused = statuses.filter((s) => !s.pass);
  return (
    <div className="stack">
      {paused.length > 0 && (
        <p role="alert" className="alert alert-error" data-testid="kpi-paused">
          Discounts are paused on {[...new Set(paused.map((s) => s.surface))].join(", ")}: {paused[0].reason}
        </p>
      )}
      <div className="field">
        <label htmlFor="kpi-pick">KPI</label>
        <select id="kpi-pick" value={selected} onChange={(e) => setSelected(e.target.value)}>
          {statuses.map((s) => <option key={`${s.surface}:${s.kpi}`} value={`${s.surface}:${s.kpi}`}>{s.kpi} on {s.surface} {s.pass ? "(passing)" : "(failing)"}</option>)}
        </select>
      </div>
      <KpiEditor key={`${selected}-${current.floor}-${current.freshnessSeconds}`} status={current} canEdit={canEdit} />
    </div>
  );
}

function KpiEditor({ status, canEdit }: { status: KpiStatus; canEdit: boolean }) {
  const [floor, setFloor] = useState(String(status.floor));
  const [hours, setHours] = useState(String(Math.round((status.freshnessSeconds / 3600) * 100) / 100));
  const [result, setResult] = useState<SaveResult | null>(null);
  const [impact, setImpact] = useState<Impact | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [pending, start] = useTransition();
  const seconds = Math.round(Number(hours) * 3600);
  const valid = floor.trim() !== "" && Number.isFinite(Number(floor)) && Number(hours) > 0;
  return (
    <div className="stack">
      <div className="row" data-testid="kpi-status">
        <span className={`light ${status.pass ? "green" : "red"}`}>{status.pass ? "Passing" : "Failing"}</span>
        <span className="small">
          {status.latest ? <>Latest {status.kpi}: <strong>{status.latest.value}</strong> at {new Date(status.latest.observed_at).toLocaleString("en-US", { timeZone: "UTC" })} UTC{status.latest.surface ? "" : " (tenant-wide)"}</> : "No reading yet"}
        </span>
      </div>
      {status.reason && <p className="small alert alert-error">{status.reason}</p>}
      <div className="form-grid">
        <div className="field">
          <label htmlFor="kpi-floor">Floor ({status.kpi} ≥)</label>
          <input id="kpi-floor" type="number" step="any" value={floor} onChange={(e) => setFloor(e.target.value)} disabled={!canEdit || pending} />
        </div>
        <div className="field">
          <label htmlFor="kpi-fresh">Freshness (hours)</label>
          <input id="kpi-fresh" type="number" min={0.01} step="any" value={hours} onChange={(e) => setHours(e.target.value)} disabled={!canEdit || pending} />
        </div>
      </div>
      {canEdit && (
        <div>
          <button type="button" className="btn btn-primary btn-small" disabled={!valid || pending || confirming}
            onClick={() => {
              setResult(null); setImpact(null); setConfirming(true);
              start(async () => setImpact(await previewPolicyChange(status.surface, { floor: { kpi: status.kpi, floor: Number(floor) }, max_snapshot_age_seconds: seconds })));
            }}>
            Save KPI floor
          </button>
        </div>
      )}
      {confirming && (
        <div className="alert alert-warn stack" role="group" aria-label="Confirm KPI floor" data-testid="kpi-confirm">
          <span>Require {status.kpi} ≥ {floor} on {status.surface}, with readings up to {hours} h old?</span>
          <ImpactList impact={impact} />
          <div className="row">
            <button type="button" className="btn btn-primary btn-small" disabled={pending}
              onClick={() => start(async () => { setResult(await saveKpiFloor(status.surface, status.kpi, Number(floor), Number(hours))); setConfirming(false); })}>
              {pending ? "Saving…" : "Confirm save"}
            </button>
            <button type="button" className="btn btn-small" onClick={() => setConfirming(false)} disabled={pending}>Cancel</button>
          </div>
        </div>
      )}
      <div aria-live="polite">{result && <p className={`alert ${result.ok ? "alert-ok" : "alert-error"}`} role={result.ok ? "status" : "alert"} data-testid="kpi-saved">{result.message}</p>}</div>
    </div>
  );
}

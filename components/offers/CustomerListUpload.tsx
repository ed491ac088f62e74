"use client";

import { useState, useTransition } from "react";
import { type ManageState, uploadCustomers } from "@/lib/ui/offer-manage-actions";

type Report = { rejected: { row: number; value: string; reason: string }[]; duplicates: { row: number; duplicate_of: number }[] };

/** Upload a CSV of customers (emails, phones or user ids); every rejected row is listed with its reason. */
export function CustomerListUpload({ offerId }: { offerId: string }) {
  const [state, setState] = useState<ManageState | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState("");
  const [pending, start] = useTransition();
  const report = (state?.data ?? null) as Report | null;

  const upload = () => start(async () => {
    if (!file) return;
    if (file.size > 10 * 1024 * 1024) { setState({ error: "The file is over 10 MB; split it into smaller lists.", ok: null }); return; }
    setState(await uploadCustomers(offerId, await file.text(), name));
  });

  return (
    <form className="stack" aria-label="Upload a customer list" onSubmit={(e) => { e.preventDefault(); upload(); }} data-testid="customer-upload">
      <div className="form-grid">
        <div className="field">
          <label htmlFor="list-file">Customer list (CSV)</label>
          <input id="list-file" type="file" accept=".csv,text/csv,text/plain" onChange={(e) => { setFile(e.target.files?.[0] ?? null); setState(null); }} />
        </div>
        <div className="field">
          <label htmlFor="list-name">List name (optional)</label>
          <input id="list-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
        </div>
      </div>
      <div><button type="submit" className="btn btn-primary btn-small" disabled={!file || pending}>{pending ? "Uploading…" : "Upload list"}</button></div>
      <p className="small muted">Once an offer has a list it is closed loop: only listed customers can redeem it.</p>
      <div aria-live="polite">
        {state?.error && <p role="alert" className="alert alert-error small">{state.error}</p>}
        {state?.ok && <p role="status" className="alert alert-ok small" data-testid="upload-ok">{state.ok}</p>}
      </div>
      {report && report.rejected.length > 0 && (
        <div className="table-wrap">
          <table data-testid="rejected-rows">
            <caption className="small">Rejected rows</caption>
            <thead><tr><th>Row</th><th>Value</th><th>Why</th></tr></thead>
            <tbody>{report.rejected.slice(0, 200).map((r) => <tr key={r.row}><td>{r.row}</td><td>{r.value}</td><td>{r.reason}</td></tr>)}</tbody>
          </table>
          {report.rejected.length > 200 && <p className="small muted">…and {report.rejected.length - 200} more.</p>}
        </div>
      )}
    </form>
  );
}

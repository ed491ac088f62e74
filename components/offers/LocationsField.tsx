"use client";

import { type LocationChoice, splitLocationIds } from "@/lib/ui/location-list";

type Props = { text: string; onChange: (text: string) => void; error: string | null; choices: LocationChoice[] };

/**
 * "Allowed locations" of the redemption controls: ids typed or pasted in a textarea, shown as removable chips
 * with their place names, and the tenant's own locations one click away (an empty list means any location).
 */
export function LocationsField({ text, onChange, error, choices }: Props) {
  const ids = splitLocationIds(text);
  const names = new Map(choices.map((c) => [c.location_id.toLowerCase(), c.label]));
  const nameOf = (id: string) => names.get(id.toLowerCase()) ?? id;
  const set = (next: string[]) => onChange(next.join("\n"));
  const unused = choices.filter((c) => !ids.some((id) => id.toLowerCase() === c.location_id.toLowerCase()));
  return (
    <div className={`field${error ? " has-issue" : ""}`}>
      <label htmlFor="ctl-locations">Allowed locations (empty: any location)</label>
      <textarea id="ctl-locations" rows={3} value={text} onChange={(e) => onChange(e.target.value)} spellCheck={false}
        aria-invalid={error ? true : undefined} aria-describedby="ctl-locations-hint" data-testid="locations-input" />
      <span id="ctl-locations-hint" className="small muted">Location ids, separated by commas or new lines.</span>
      {error && <span className="small field-error" role="alert" data-testid="locations-error">{error}</span>}
      {ids.length > 0 && (
        <ul className="row" aria-label="Allowed locations" data-testid="location-chips" style={{ listStyle: "none", padding: 0, margin: "6px 0", flexWrap: "wrap", gap: 6 }}>
          {ids.map((id) => (
            <li key={id} className="badge" data-testid="location-chip" data-location-id={id}>
              {nameOf(id)}{" "}
              <button type="button" className="btn-small" aria-label={`Remove ${nameOf(id)}`} onClick={() => set(ids.filter((x) => x !== id))}
                style={{ border: 0, background: "none", cursor: "pointer", padding: "0 2px" }}>×</button>
            </li>
          ))}
        </ul>
      )}
      {unused.length > 0 && (
        <details style={{ marginTop: 6 }}>
          <summary className="small">Your locations ({unused.length} not allowed yet)</summary>
          <ul className="small" style={{ margin: "6px 0", paddingLeft: 18 }}>
            {unused.map((c) => (
              <li key={c.location_id}>
                {c.label} <button type="button" className="btn btn-small" aria-label={`Allow ${c.label}`} onClick={() => set([...ids, c.location_id])}>Add</button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

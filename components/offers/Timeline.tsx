type Event = { at: string; actor: string; action: string; details: { summary?: string; reason?: string; note?: string } };

const when = (iso: string) => new Date(iso).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";

/** The offer's history, oldest first: who did what, and the reason of a rejection in full. */
export function Timeline({ events }: { events: Event[] }) {
  if (events.length === 0) return <div className="empty">Nothing has happened to this offer yet.</div>;
  return (
    <ol className="stack small" data-testid="timeline" style={{ paddingLeft: 18, margin: 0 }}>
      {events.map((e, i) => (
        <li key={`${e.at}-${i}`} data-testid="timeline-event" data-action={e.action}>
          <strong>{e.details.summary ?? e.action}</strong>
          <div className="muted">{when(e.at)} · {e.actor}</div>
        </li>
      ))}
    </ol>
  );
}

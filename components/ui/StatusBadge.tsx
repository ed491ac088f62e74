/** A coloured status pill; colour is paired with the word so it never carries meaning alone. */
export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge status-${status}`} data-testid="status-badge">{status}</span>;
}

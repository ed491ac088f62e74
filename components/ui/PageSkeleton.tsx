/** Loading state of a page while its server data arrives. */
export function PageSkeleton() {
  return (
    <section aria-busy="true" aria-label="Loading" className="stack">
      <div className="skeleton" style={{ width: "40%", height: 28 }} />
      <div className="skeleton" style={{ height: 120 }} />
      <div className="skeleton" style={{ height: 120 }} />
    </section>
  );
}

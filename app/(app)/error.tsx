"use client";

/** Any page that throws shows this instead of a blank screen; retry re-renders the segment. */
export default function ProductError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="card stack" role="alert" aria-live="assertive">
      <h1>Something went wrong</h1>
      <p className="muted">{error.digest ? `The page could not load (reference ${error.digest}).` : error.message}</p>
      <div><button className="btn btn-primary" onClick={reset}>Try again</button></div>
    </section>
  );
}

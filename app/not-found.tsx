import Link from "next/link";

/** Unknown paths and objects that are not yours (another tenant's offer) land here alike. */
export default function NotFound() {
  return (
    <main className="signin">
      <section className="card signin-card" aria-labelledby="nf-title">
        <h1 id="nf-title">Not found</h1>
        <p className="muted">This page or offer does not exist, or it is not visible to your account.</p>
        <p className="row"><Link className="btn" href="/offers">Back to offers</Link><Link className="btn" href="/">Open the copilot</Link></p>
      </section>
    </main>
  );
}

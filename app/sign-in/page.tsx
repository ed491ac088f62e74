import { redirect } from "next/navigation";
import { safeNextPath } from "@/core/http/safe-next";
import { KeySignInForm } from "@/components/session/KeySignInForm";
import { signInAsDemo } from "@/lib/ui/session-actions";
import { demoCredentials, getSession } from "@/lib/ui/session";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign in · Offer Copilot" };

type Props = { searchParams: Promise<{ next?: string; error?: string }> };

/** Sign-in: paste a key, or in the embedded demo continue as the demo admin or marketer. */
export default async function SignInPage({ searchParams }: Props) {
  const { next = "", error } = await searchParams;
  if (await getSession()) redirect(safeNextPath(next));
  const demo = await demoCredentials();
  return (
    <main className="signin">
      <section className="card signin-card" aria-labelledby="signin-title">
        <h1 id="signin-title">Offer Copilot</h1>
        <p className="muted">Sign in with the API key your admin gave you. The key stays on the server: your browser keeps only a session cookie.</p>
        {error === "demo" && <p role="alert" className="alert alert-error">The demo sign-in is not available right now.</p>}
        <KeySignInForm next={next} />
        {demo && (
          <div className="demo-box">
            <h2>Embedded demo</h2>
            <p className="muted">Sign in to the seeded tenant “Kigo Demo”.</p>
            <div className="row">
              <form action={signInAsDemo}>
                <input type="hidden" name="role" value="admin" />
                <input type="hidden" name="next" value={next} />
                <button type="submit" className="btn btn-primary">Continue as demo admin</button>
              </form>
              <form action={signInAsDemo}>
                <input type="hidden" name="role" value="marketer" />
                <input type="hidden" name="next" value={next} />
                <button type="submit" className="btn">Continue as demo marketer</button>
              </form>
            </div>
          </div>
        )}
      </section>
    </main>
  );
}

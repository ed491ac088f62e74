"use client";

import { useActionState } from "react";
import { signInWithKey, type SignInState } from "@/lib/ui/session-actions";

/** The paste-a-key form; the key is posted to a server action and never stored client side. */
export function KeySignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInWithKey, { error: null });
  return (
    <form action={action} className="stack">
      <label htmlFor="api_key">API key</label>
      <input id="api_key" name="api_key" type="password" autoComplete="off" required placeholder="oc_…" aria-describedby={state.error ? "signin-error" : undefined} />
      <input type="hidden" name="next" value={next} />
      {state.error && <p id="signin-error" role="alert" className="alert alert-error">{state.error}</p>}
      <button type="submit" className="btn btn-primary" disabled={pending}>{pending ? "Signing in…" : "Sign in"}</button>
    </form>
  );
}

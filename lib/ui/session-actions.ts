"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { safeNextPath } from "@/core/http/safe-next";
import { createSession, revokeSession } from "@/tools/sessions";
import { getAppState } from "@/server/deps";
import { demoCredentials, sessionIdCookie } from "./session";
import { INSECURE_SESSION_COOKIE, SESSION_COOKIE, sessionCookie, sessionTimes, wantsSecure } from "./session-cookie";

// Sign-in and sign-out as server actions. The pasted key goes to the server once; the browser gets back only
// a random session id in an httpOnly cookie. Next refuses a server action whose Origin is not this host.

export type SignInState = { error: string | null };

async function startSession(key: string, next: string): Promise<SignInState> {
  const { deps } = await getAppState();
  const opened = await createSession(deps.db, key, { platformKey: deps.platformKey, now: deps.now(), times: sessionTimes() });
  if (!opened) return { error: "That API key is not valid (or has been revoked). Check it and try again." };
  const { name, options } = sessionCookie(wantsSecure((await headers()).get("origin")));
  (await cookies()).set(name, opened.id, options);
  const target = safeNextPath(next);
  redirect(target === "/" && opened.caller.role === "platform" ? "/god/config/pricing/discounts" : target);
}

/** The sign-in form: checks the pasted key like a REST request, then opens a server-side session. */
export async function signInWithKey(_prev: SignInState, form: FormData): Promise<SignInState> {
  const key = String(form.get("api_key") ?? "").trim();
  if (!key) return { error: "Paste an API key to sign in." };
  return startSession(key, String(form.get("next") ?? ""));
}

/** "Continue as demo admin/marketer": the server picks the stored demo key; the browser never sees it. */
export async function signInAsDemo(form: FormData): Promise<void> {
  const creds = await demoCredentials();
  const role = String(form.get("role"));
  const key = !creds ? null : role === "admin" ? creds.admin_key : role === "marketer" ? creds.marketer_key : null;
  if (!key) redirect("/sign-in?error=demo");
  const result = await startSession(key, String(form.get("next") ?? ""));
  if (result.error) redirect("/sign-in?error=demo");
}

/** Revokes the server-side session and clears the cookie; the key itself stays valid for its other uses. */
export async function signOut(): Promise<void> {
  const { deps } = await getAppState();
  await revokeSession(deps.db, await sessionIdCookie(), deps.now());
  const jar = await cookies();
  // A __Host- cookie can only be overwritten with its own flags (Secure, Path=/), so expire it that way.
  jar.set(SESSION_COOKIE, "", { ...sessionCookie(true).options, maxAge: 0 });
  if (jar.get(INSECURE_SESSION_COOKIE)) jar.set(INSECURE_SESSION_COOKIE, "", { ...sessionCookie(false).options, maxAge: 0 });
  redirect("/sign-in");
}

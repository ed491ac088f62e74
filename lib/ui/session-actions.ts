"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { SESSION_COOKIE, demoCredentials, resolveKey, sessionCookieOptions } from "./session";

// Sign-in and sign-out as server actions: the pasted key goes from the form to the server and comes
// back only as an httpOnly cookie, so no client script can ever read it.

export type SignInState = { error: string | null };

async function isHttps(): Promise<boolean> {
  const h = await headers();
  return h.get("x-forwarded-proto") === "https" || (h.get("origin") ?? "").startsWith("https:");
}

async function startSession(key: string, next: string): Promise<SignInState> {
  const caller = await resolveKey(key);
  if (!caller) return { error: "That API key is not valid (or has been revoked). Check it and try again." };
  (await cookies()).set(SESSION_COOKIE, key.trim(), sessionCookieOptions(await isHttps()));
  redirect(safeNext(next, caller.role));
}

/** Only same-site paths, so a crafted ?next= cannot send the user elsewhere after sign-in. */
function safeNext(next: string, role: string): string {
  // "//host" and "/\\host" are both read by browsers as another origin.
  if (next.startsWith("/") && !/^\/[/\\]/.test(next)) return next;
  return role === "platform" ? "/god/config/pricing/discounts" : "/";
}

/** The sign-in form: validates the pasted key with `authenticate` before setting the cookie. */
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

/** Clears the cookie; the key itself stays valid for its other uses. */
export async function signOut(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
  redirect("/sign-in");
}

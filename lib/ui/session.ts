import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { env } from "@/env";
import type { Caller } from "@/tools/context";
import { resolveSession } from "@/tools/sessions";
import { getAppState, getDemoCredentials } from "@/server/deps";
import { INSECURE_SESSION_COOKIE, SESSION_COOKIE, sessionTimes } from "./session-cookie";

// The signed-in user, server side only: the cookie holds a random session id (never the key); it is resolved
// through the server-side session row, so sign-out, expiry, and a revoked or deleted key all end it at once.

export type Session = { caller: Caller };

/** The session id cookie of this request, if any. */
export async function sessionIdCookie(): Promise<string | null> {
  const jar = await cookies();
  const insecure = env.COOKIE_SECURE === "true" ? undefined : jar.get(INSECURE_SESSION_COOKIE)?.value;
  return jar.get(SESSION_COOKIE)?.value ?? insecure ?? null;
}

/** Resolves the cookie once per request (React cache), so layout and page share one lookup. */
export const getSession = cache(async (): Promise<Session | null> => {
  const id = await sessionIdCookie();
  if (!id) return null;
  const { deps } = await getAppState();
  const caller = await resolveSession(deps.db, id, { platformKey: deps.platformKey, now: deps.now(), times: sessionTimes() });
  return caller ? { caller } : null;
});

/** Pages call this first: unauthenticated visits go to /sign-in, which returns them to `path` afterwards. */
export async function requireSession(path?: string): Promise<Session> {
  const session = await getSession();
  if (!session) redirect(path ? `/sign-in?next=${encodeURIComponent(path)}` : "/sign-in");
  return session;
}

/** Demo keys for the "Continue as demo …" buttons; only when the demo is on (env DEMO_SEED, CONTRACT §7). */
export async function demoCredentials() {
  if (!env.DEMO_SEED) return null;
  return getDemoCredentials();
}

import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { AppError } from "@/core/errors";
import { env } from "@/env";
import { readDemoCredentials } from "@/db/seed";
import { authenticate } from "@/tools/authenticate";
import type { Caller } from "@/tools/context";
import { getAppState } from "@/server/deps";

// The signed-in user, server side only: the API key lives in an httpOnly cookie and is resolved to a
// caller with the same `authenticate` every REST request uses, so a revoked key signs the user out.

/** The cookie the CopilotKit endpoint also reads; never readable by client JavaScript. */
export const SESSION_COOKIE = "oc_session";

export type Session = { caller: Caller; key: string };

/** Resolves the cookie once per request (React cache), so layout and page share one lookup. */
export const getSession = cache(async (): Promise<Session | null> => {
  const key = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!key) return null;
  const caller = await resolveKey(key);
  return caller ? { caller, key } : null;
});

/** Key → caller, or null when it is not a working key; other failures (database down) still throw. */
export async function resolveKey(key: string): Promise<Caller | null> {
  const { deps } = await getAppState();
  try {
    return await authenticate(deps.db, `Bearer ${key.trim()}`, deps.platformKey);
  } catch (err) {
    if (err instanceof AppError && err.code === "unauthenticated") return null;
    throw err;
  }
}

/** Pages call this first: unauthenticated visits go to /sign-in, which returns them to `path` afterwards. */
export async function requireSession(path?: string): Promise<Session> {
  const session = await getSession();
  if (!session) redirect(path ? `/sign-in?next=${encodeURIComponent(path)}` : "/sign-in");
  return session;
}

/** Demo keys for the "Continue as demo …" buttons; only present in embedded demo mode. */
export async function demoCredentials() {
  if (!env.DEMO_SEED) return null;
  const { demo } = await getAppState();
  return demo ?? readDemoCredentials(env.DATA_DIR);
}

/** Cookie options: httpOnly so the key never reaches client JavaScript; Secure whenever served over HTTPS. */
export function sessionCookieOptions(https: boolean) {
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure: https, maxAge: 60 * 60 * 12 };
}

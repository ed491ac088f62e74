import { env } from "@/env";
import type { SessionTimes } from "@/tools/sessions";

// The browser session cookie, defined once: its name, its flags, and how a request's Cookie header is read.
// Shared by the server actions, the pages and /api/copilotkit (which reads the raw header).

/**
 * `__Host-` binds the cookie to this exact host, path "/", and requires Secure. Chromium accepts Secure cookies
 * from http://localhost and http://127.0.0.1 (loopback counts as a secure context), so local runs and the
 * browser tests keep the prefix. Plain http on any other host cannot hold a Secure cookie: there (only with
 * COOKIE_SECURE=auto/false) the cookie is named without the prefix and sent without Secure.
 */
export const SESSION_COOKIE = "__Host-oc_session";
/** The unprefixed name, for plain-http deployments on a non-loopback host only. */
export const INSECURE_SESSION_COOKIE = SESSION_COOKIE.slice("__Host-".length);

/** Session lifetimes from the environment. */
export const sessionTimes = (): SessionTimes => ({ idleMinutes: env.SESSION_IDLE_MINUTES, maxHours: env.SESSION_MAX_HOURS });

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * Whether to send Secure. auto: yes unless the browser's own Origin is plain http on a non-loopback host. The
 * Origin header is set by the browser, so a proxy's X-Forwarded-Proto alone can neither add nor drop the flag.
 */
export function wantsSecure(origin: string | null, setting = env.COOKIE_SECURE): boolean {
  if (setting !== "auto") return setting === "true";
  if (!origin) return true;
  try {
    const u = new URL(origin);
    return u.protocol === "https:" || LOOPBACK.test(u.hostname);
  } catch {
    return true;
  }
}

/** Name and flags for a session cookie: httpOnly, SameSite=Lax, Path=/, Secure per wantsSecure, absolute max age. */
export function sessionCookie(secure: boolean) {
  return {
    name: secure ? SESSION_COOKIE : INSECURE_SESSION_COOKIE,
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure, maxAge: env.SESSION_MAX_HOURS * 3600 },
  };
}

/** The session id from a raw Cookie header; the unprefixed name counts only when Secure is not forced. */
export function sessionIdFromCookieHeader(header: string | null): string | null {
  const jar = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i > 0) jar.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
  }
  return jar.get(SESSION_COOKIE) ?? (env.COOKIE_SECURE === "true" ? null : jar.get(INSECURE_SESSION_COOKIE) ?? null);
}

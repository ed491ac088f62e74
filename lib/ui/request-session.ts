import { crossOriginRefusal } from "@/core/http/same-origin";
import { AppError } from "@/core/errors";
import type { Caller } from "@/tools/context";
import type { AppDeps } from "@/tools/transports/http";
import { resolveSession } from "@/tools/sessions";
import { sessionIdFromCookieHeader, sessionTimes } from "./session-cookie";

// For route handlers that a browser calls with its session cookie (/api/copilotkit): refuse cross-origin
// state changes first, then resolve the session id to a caller. The cookie is the only credential read.

/** The signed-in caller of a cookie-authenticated request; 403 when cross-origin, 401 without a live session. */
export async function callerFromSessionRequest(req: Request, deps: AppDeps): Promise<Caller> {
  const refusal = crossOriginRefusal({
    method: req.method, origin: req.headers.get("origin"), secFetchSite: req.headers.get("sec-fetch-site"),
    // As Next's own server-action check: a proxy's X-Forwarded-Host, else Host. A page on another site cannot
    // set either header on a credentialed request without a CORS preflight, which this app never grants.
    host: req.headers.get("x-forwarded-host") ?? req.headers.get("host"),
  });
  if (refusal) throw new AppError("forbidden", "Cross-origin requests may not use the session cookie", { reason: refusal });
  const id = sessionIdFromCookieHeader(req.headers.get("cookie"));
  const caller = await resolveSession(deps.db, id, { platformKey: deps.platformKey, now: deps.now(), times: sessionTimes() });
  if (!caller) throw new AppError("unauthenticated", "Sign in first: no live session");
  return caller;
}

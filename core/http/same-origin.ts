// Cross-origin refusal for state-changing, cookie-authenticated requests (CONTRACT §7, issue 11).

/** The headers the check reads; a plain object keeps this pure and testable without a Request. */
export type OriginHeaders = { method: string; origin: string | null; secFetchSite: string | null; host: string | null };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Why: a cookie rides along on requests another site makes (SameSite=Lax still allows top-level POST forms
 * in some browsers and same-site subdomains always). A state-changing request is refused when the browser says
 * it is cross-site (Sec-Fetch-Site) or its Origin is not our Host. Requests with neither header (curl, server
 * to server) carry no browser cookie jar and pass; the cookie is still required.
 * Returns null when allowed, else a short reason.
 */
export function crossOriginRefusal(h: OriginHeaders): string | null {
  if (SAFE_METHODS.has(h.method.toUpperCase())) return null;
  const site = h.secFetchSite?.toLowerCase() ?? null;
  if (site && site !== "same-origin" && site !== "none") return `Sec-Fetch-Site: ${site}`;
  if (h.origin === null) return null;
  if (h.origin === "null") return "Origin: null";
  let originHost: string;
  try {
    originHost = new URL(h.origin).host;
  } catch {
    return "Origin is not a URL";
  }
  if (!h.host || originHost.toLowerCase() !== h.host.toLowerCase()) return "Origin does not match Host";
  return null;
}

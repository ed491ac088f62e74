// The one `next=` guard (CONTRACT §7): after sign-in the browser goes only to a path on this origin.

const FALLBACK = "/";

/**
 * Returns `raw` when it is a plain same-origin path, else "/". Why so strict: browsers strip tabs and newlines
 * from URLs and read "\" as "/", so "/\evil.com", "/\t/evil.com" (also percent-encoded once) and "//evil.com"
 * all leave the site. We accept "/" followed by a safe first character and only printable ASCII after it.
 */
export function safeNextPath(raw: string | null | undefined): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2048) return FALLBACK;
  if (raw[0] !== "/") return FALLBACK;
  // Printable ASCII only (no controls, spaces or backslashes anywhere), and never "//" or "/\" at the start.
  if (!/^\/(?:[A-Za-z0-9\-._~!$&'()*+,;=:@%?#][\x21-\x5b\x5d-\x7e]*)?$/.test(raw)) return FALLBACK;
  // One level of percent-decoding must not reveal a second slash, backslash or control at the start.
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return FALLBACK;
  }
  if (/^\/[\s/\\]/.test(decoded) || /[\x00-\x1f\x7f\\]/.test(decoded.split(/[?#]/)[0])) return FALLBACK;
  // Resolving against a dummy origin must keep the origin (catches anything the rules above missed).
  const resolved = new URL(raw, "http://n.invalid");
  return resolved.origin === "http://n.invalid" ? raw : FALLBACK;
}

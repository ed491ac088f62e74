import { createHmac, timingSafeEqual } from "node:crypto";

// Webhook signatures: HMAC-SHA256 over the raw request body (the exact bytes received, before any
// JSON parsing), compared in constant time. Shopify sends base64 (X-Shopify-Hmac-Sha256), WooCommerce
// base64 too (X-WC-Webhook-Signature); some platforms send hex, hence the encoding option.

/** The signature a platform would send for this body. */
export function signBody(rawBody: string | Uint8Array, secret: string, encoding: "base64" | "hex" = "base64"): string {
  return createHmac("sha256", secret).update(rawBody).digest(encoding);
}

/**
 * Whether `signature` is the HMAC of `rawBody` under `secret`. Constant time in the signature's
 * content; a missing, malformed or wrong-length signature is simply false.
 */
export function verifyHmacSignature(
  rawBody: string | Uint8Array,
  signature: string | null | undefined,
  secret: string,
  encoding: "base64" | "hex" = "base64",
): boolean {
  if (!signature || !secret) return false;
  const expected = createHmac("sha256", secret).update(rawBody).digest();
  let given: Buffer;
  try {
    given = Buffer.from(signature.trim(), encoding);
  } catch {
    return false;
  }
  if (given.length !== expected.length) return false;
  return timingSafeEqual(given, expected);
}

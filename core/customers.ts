// One way to turn a customer identifier into the key we store and compare, so that per-customer
// limits, closed-loop lists and uploads all agree on who a customer is.

export type CustomerIdKind = "email" | "phone" | "user_id";

const EMAIL_RE = /^[^\s@]+@[^\s@]+$/;
// Digits with common separators and an optional leading +; at least 7 digits to count as a phone.
const PHONE_RE = /^\+?[\d\s().-]+$/;

/** Tells an email from a phone from an opaque user id, so uploads can report what they accepted. */
export function customerIdKind(raw: string): CustomerIdKind {
  const v = raw.trim();
  if (EMAIL_RE.test(v)) return "email";
  if (PHONE_RE.test(v) && v.replace(/\D/g, "").length >= 7) return "phone";
  return "user_id";
}

/**
 * The stored form of a customer id: emails lower-cased and trimmed, phones reduced to digits with a
 * leading + kept, anything else trimmed. "Bob@Example.com " and "bob@example.com" are one customer.
 */
export function normalizeCustomerId(raw: string): string {
  const v = raw.trim();
  switch (customerIdKind(v)) {
    case "email":
      return v.toLowerCase();
    case "phone":
      return (v.startsWith("+") ? "+" : "") + v.replace(/\D/g, "");
    default:
      return v;
  }
}

/** Normalised key plus its kind, the shape customer_list_entries stores. */
export function customerKey(raw: string): { customer_key: string; kind: CustomerIdKind } {
  return { customer_key: normalizeCustomerId(raw), kind: customerIdKind(raw) };
}

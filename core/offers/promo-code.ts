import { customAlphabet } from "nanoid";

// Promo-code generation, once: create_discount_code's random codes and the copilot's readable ones
// share the alphabet, and both satisfy PROMO_CODE_PATTERN (core/primitives.ts).

// Upper-case letters and digits without look-alikes (0/O, 1/I/L): easy to read aloud and type.
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** 8 characters from 31: about 8.5e11 codes per tenant, so a collision retry is rare. */
export const generatePromoCode = customAlphabet(CODE_ALPHABET, 8);
const suffix = customAlphabet(CODE_ALPHABET, 4);

/** A readable code: an upper-case stem (letters only, ≤ 8), an optional number and 4 random chars. */
export function readablePromoCode(stem: string | null | undefined, value: number | null): string {
  const head = (stem ?? "").replace(/[^a-z]/gi, "").slice(0, 8).toUpperCase() || "SAVE";
  return `${head}${value !== null ? String(Math.round(value)) : ""}-${suffix()}`;
}

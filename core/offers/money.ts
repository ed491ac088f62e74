// Money for people: integer minor units → "$1,234.56" in the tenant's currency (CONTRACT §0, issue 16 item 10).

/** Minor units per major unit of a currency (USD 100, JPY 1), from Intl itself. */
export function minorPerMajor(currency: string): number {
  const digits = new Intl.NumberFormat("en-US", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return 10 ** digits;
}

/**
 * Currency units as a marketer writes them → integer minor units of the tenant's currency, which is
 * what every `_cents` field holds (CONTRACT §6: ISO 4217 — ¥500 is 500, $5 is 500, 5 KWD is 5000).
 */
export function toMinorUnits(units: number, currency: string): number {
  return Math.round(units * minorPerMajor(currency));
}

/** Minor units → currency units (the inverse of toMinorUnits, for a suggestion phrased to a marketer). */
export function fromMinorUnits(minor: number, currency: string): number {
  return minor / minorPerMajor(currency);
}

/**
 * The question to ask when a draft names a currency other than the tenant's (CONTRACT §6: "€50 off"
 * in a USD tenant must never become 5,000 US cents), or null when they agree or the draft names none.
 */
export function currencyMismatch(draftCurrency: string | null, tenantCurrency: string): string | null {
  if (!draftCurrency || draftCurrency.toUpperCase() === tenantCurrency.toUpperCase()) return null;
  return `The brief gives amounts in ${draftCurrency.toUpperCase()}, but this account works in ${tenantCurrency.toUpperCase()}: `
    + `what are the amounts in ${tenantCurrency.toUpperCase()}?`;
}

/**
 * "$249,467.50": the one way a message or a screen writes an amount; never "cents". `card` drops zero
 * minor units ("$10", "$12.50"), as offer cards and generated copy print them.
 */
export function formatMoney(minor: number, currency = "USD", opts: { card?: boolean } = {}): string {
  const major = minor / minorPerMajor(currency);
  const whole = opts.card && Number.isInteger(major);
  return new Intl.NumberFormat("en-US", { style: "currency", currency, ...(whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}) })
    .format(major);
}

/** "December 2026" / "Q4 2026" / "all time": a budget period named the way a marketer says it. */
export function periodName(period: "month" | "quarter" | "total", start: string): string {
  if (period === "total") return "the total budget";
  const d = new Date(`${start}T00:00:00Z`);
  if (period === "quarter") return `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${d.getUTCFullYear()}`;
  return d.toLocaleString("en-US", { month: "long", year: "numeric", timeZone: "UTC" });
}

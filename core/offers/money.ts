// Money for people: integer minor units → "$1,234.56" in the tenant's currency (CONTRACT §0, issue 16 item 10).

/** Minor units per major unit of a currency (USD 100, JPY 1), from Intl itself. */
export function minorPerMajor(currency: string): number {
  const digits = new Intl.NumberFormat("en-US", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return 10 ** digits;
}

/** "$249,467.50": the one way a message or a screen writes an amount; never "cents". */
export function formatMoney(minor: number, currency = "USD"): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(minor / minorPerMajor(currency));
}

/** "December 2026" / "Q4 2026" / "all time": a budget period named the way a marketer says it. */
export function periodName(period: "month" | "quarter" | "total", start: string): string {
  if (period === "total") return "the total budget";
  const d = new Date(`${start}T00:00:00Z`);
  if (period === "quarter") return `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${d.getUTCFullYear()}`;
  return d.toLocaleString("en-US", { month: "long", year: "numeric", timeZone: "UTC" });
}

import { getSession } from "@/lib/ui/session";
import { callTool } from "@/lib/ui/tools";
import { listDiscountCodes } from "@/tools/discounts/code-tools";
import type { PromoCode } from "@/lib/ui/outputs";

// The offer's promo codes as a CSV download (issue 16: generate a batch, then hand it to a partner).

const COLUMNS = ["promo_code", "surface", "discount_type", "value", "status", "redemption_count", "usage_limit", "per_customer_limit", "starts_at", "expires_at"] as const;
const cell = (v: unknown) => {
  const s = v === null || v === undefined ? "" : String(v);
  // Quote when needed, and defuse spreadsheet formulas (=, +, -, @ at the start).
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** GET /offers/{id}/codes.csv with the browser session; the list tool decides who may read the codes. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const session = await getSession();
  if (!session) return new Response("Sign in first.", { status: 401 });
  const { id } = await params;
  const rows: PromoCode[] = [];
  try {
    for (let offset = 0; offset < 10_000; offset += 100) {
      const page = await callTool(session, listDiscountCodes, { offer_id: id, limit: 100, offset });
      rows.push(...page.promo_codes);
      if (rows.length >= page.total_count || page.promo_codes.length === 0) break;
    }
  } catch {
    return new Response("Offer not found.", { status: 404 });
  }
  const csv = [COLUMNS.join(","), ...rows.map((r) => COLUMNS.map((c) => cell((r as Record<string, unknown>)[c])).join(","))].join("\n") + "\n";
  return new Response(csv, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="codes-${id}.csv"` } });
}

import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { AppError, invalidInput } from "@/core/errors";
import { csvRows, judgeRows, type RawRow } from "@/core/offers/customer-rows";
import { customerListEntries, customerLists } from "@/db/schema";
import { tenantTx } from "../context";
import { defineTool } from "../registry";
import { MAX_CUSTOMER_ROWS, UploadCustomersInput, UploadCustomersOutput } from "./customer-list-schemas";
import { assertLiveChangeAllowed } from "./code-guard";
import { auditOfferPart } from "./offer-audit";
import { loadOffer } from "./offer-read";

// POST /dashboard/offers/{id}/customer-lists: a closed-loop audience for the offer. Once an offer has
// a list, only listed customers may redeem its codes (the discount core's not_eligible check).

/** Rows per insert transaction: on PGlite, the longest another tenant waits behind an upload. */
const CHUNK = 500;

/** Rows of either upload form, numbered for the report (JSON: 1-based position; CSV: file line). */
function rowsOf(input: { customers?: unknown[]; csv?: string }): RawRow[] {
  if (input.customers && input.csv !== undefined) {
    throw invalidInput("Send customers or a CSV file, not both", [{ field: "customers", message: "not together with csv" }]);
  }
  if (input.customers) return input.customers.map((value, i) => ({ row: i + 1, value }));
  if (input.csv === undefined) throw invalidInput("No customers given", [{ field: "customers", message: "required (or upload a CSV file)" }]);
  try {
    return csvRows(input.csv);
  } catch (err) {
    throw invalidInput("The CSV file could not be parsed", [{ field: "csv", message: (err as Error).message.slice(0, 300) }]);
  }
}

export const uploadCustomerList = defineTool({
  name: "upload_customer_list",
  description: "Attach a customer list to an offer from JSON {customers: [...]} or a CSV upload; reports accepted and rejected rows with reasons.",
  input: UploadCustomersInput,
  output: UploadCustomersOutput,
  permission: "offers.write",
  execute: async (input, ctx) => {
    // Refuse early (unknown offer, marketer on a live offer) before parsing or writing anything.
    await tenantTx(ctx, async (tx) => {
      await loadOffer(tx, input.offer_id);
      await assertLiveChangeAllowed(tx, "customer_list", ctx.caller, ctx.now(), { offerIds: [input.offer_id] });
    });
    const rows = rowsOf(input);
    if (rows.length === 0) throw invalidInput("The upload has no rows", [{ field: "customers", message: "empty" }]);
    if (rows.length > MAX_CUSTOMER_ROWS) throw invalidInput(`At most ${MAX_CUSTOMER_ROWS} rows per upload`, [{ field: "csv", message: "too many rows" }]);
    const verdict = judgeRows(rows);
    const report = { rejected: verdict.rejected, rejected_count: verdict.rejected.length, total_rows: rows.length };
    // An empty list would shut every customer out of the offer: refuse it instead of creating it.
    if (verdict.accepted.length === 0) {
      throw new AppError("invalid_input", "No row holds a usable email, phone or user id; nothing was stored", {
        fields: verdict.rejected.map((r) => ({ field: `row ${r.row}`, message: r.reason })), ...report,
      });
    }
    const listId = randomUUID();
    try {
      // Entries go in short transactions of CHUNK rows, so on the one-connection embedded database another
      // tenant's redeem waits for one chunk at most. They stay invisible (eligibility and analytics start from
      // customer_lists) until the final transaction adds the list row: the list appears whole or not at all.
      for (let i = 0; i < verdict.accepted.length; i += CHUNK) {
        const chunk = verdict.accepted.slice(i, i + CHUNK);
        await tenantTx(ctx, (tx, tenantId) => tx.insert(customerListEntries).values(chunk.map((a) => ({
          tenant_id: tenantId, list_id: listId, customer_key: a.customer_key, kind: a.kind,
        }))));
        // PGlite answers inside microtasks: yield a macrotask turn so timers and I/O of other requests run too.
        await new Promise((resolve) => setImmediate(resolve));
      }
      return await tenantTx(ctx, async (tx, tenantId) => {
        await loadOffer(tx, input.offer_id, { lock: true });
        await assertLiveChangeAllowed(tx, "customer_list", ctx.caller, ctx.now(), { offerIds: [input.offer_id] });
        const [list] = await tx.insert(customerLists)
          .values({ tenant_id: tenantId, list_id: listId, offer_id: input.offer_id, name: input.name ?? null }).returning();
        const byKind = { email: 0, phone: 0, user_id: 0 };
        for (const a of verdict.accepted) byKind[a.kind]++;
        await auditOfferPart(tx, tenantId, ctx, "upload_customer_list", { type: "customer_list", id: list.list_id, offerId: input.offer_id }, null,
          { list_id: list.list_id, name: list.name, accepted_count: verdict.accepted.length, accepted_by_kind: byKind, rejected_count: verdict.rejected.length });
        return {
          list_id: list.list_id, offer_id: input.offer_id, name: list.name, ...report,
          accepted_count: verdict.accepted.length, duplicate_count: verdict.duplicates.length,
          accepted_by_kind: byKind, duplicates: verdict.duplicates,
        };
      });
    } catch (err) {
      // Nothing refers to the staged entries yet; remove them so a refused or failed upload leaves no rows.
      await tenantTx(ctx, (tx, tenantId) =>
        tx.delete(customerListEntries).where(and(eq(customerListEntries.tenant_id, tenantId), eq(customerListEntries.list_id, listId))),
      ).catch(() => {});
      throw err;
    }
  },
});

import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { normalizeCustomerId } from "@/core/customers";
import { AppError, conflict, notFound, rejected } from "@/core/errors";
import { decideRedemption, type GovernanceReason } from "@/core/governance";
import type { Tx } from "@/db/database";
import { discountReservations } from "@/db/schema";
import { writeAudit } from "../audit";
import { requireTenant, type ToolContext } from "../context";
import { defineTool } from "../registry";
import { Empty } from "../tenancy/schemas";
import { keyOf } from "./facts";
import { lockedFactBook } from "./redeem-book";
import { loadLockedFacts } from "./redeem-locks";
import { NIL_SCOPE } from "./redeem-prefix";
import { factsFor } from "./redemption-facts";
import {
  DEFAULT_TTL_SECONDS, MAX_TTL_SECONDS, MIN_TTL_SECONDS, ReleaseInput, ReserveInput, ReserveOutput,
} from "./reservation-schemas";
import { requireSurface } from "./surface-guard";

// Checkout reservations (CONTRACT §8), after Voucherify's locking validation sessions: reserve takes
// redeem's locks, decides with redeem's facts plus every live hold, and writes a hold of one use and its
// cents; redeem with reservation_id consumes it; release (or expiry) gives it back.

type Row = typeof discountReservations.$inferSelect;
const out = (r: Row) => ({
  reservation_id: r.reservation_id, discount_cents: Number(r.discount_cents), expires_at: new Date(r.expires_at).toISOString(),
});
const idemConflict = () =>
  new AppError("idempotency_conflict", "This Idempotency-Key was already used with a different request body");

/** The hold's length: the caller's ttl, else the tenant's reservation_ttl_seconds setting, else 15 minutes. */
async function ttlSeconds(tx: Tx, tenantId: string, asked: number | undefined): Promise<number> {
  if (asked !== undefined) return asked;
  const res = await tx.execute(sql`select settings->>'reservation_ttl_seconds' as ttl
    from tenants where tenant_id = ${tenantId}`);
  const ttl = Number((res as unknown as { rows: { ttl: string | null }[] }).rows[0]?.ttl);
  return Number.isInteger(ttl) && ttl >= MIN_TTL_SECONDS && ttl <= MAX_TTL_SECONDS ? ttl : DEFAULT_TTL_SECONDS;
}

/** The reservation already made with this key by this caller, if any. */
async function priorReservation(tx: Tx, tenantId: string, scope: string, key: string): Promise<Row | undefined> {
  const [row] = await tx.select().from(discountReservations).where(and(
    eq(discountReservations.tenant_id, tenantId), eq(discountReservations.idem_scope, scope), eq(discountReservations.idempotency_key, key),
  ));
  return row;
}

type ReserveResult = { ok: true; row: Row } | { ok: false; reasons: GovernanceReason[]; discount_cents: number };

/** Decide-and-hold in one tenant transaction under redeem's locks; a refusal is audited and committed. */
async function reserveInTx(tx: Tx, tenantId: string, input: ReserveInput, ctx: ToolContext): Promise<ReserveResult> {
  const now = ctx.now();
  const customerKey = normalizeCustomerId(input.customer_id);
  const scope = ctx.caller.apiKeyId ?? NIL_SCOPE;
  const body = [input.promo_code, input.surface, input.order_total_cents, customerKey, input.ttl_seconds ?? null];
  const hash = createHash("sha256").update(JSON.stringify(body)).digest("hex");
  const loaded = await loadLockedFacts(tx, tenantId, { promoCodes: [input.promo_code], keys: [], customerKeys: [customerKey], nows: [now] });
  const sketch = loaded.pre.codes.get(input.promo_code);
  if (!sketch) throw notFound("Promo code");
  const attempt = { surface: input.surface, order_total_cents: input.order_total_cents, customerKey, locationId: null, now };
  // Live holds are applied by the book (read after the locks, like redeem's).
  const { codes, book } = await lockedFactBook(tx, tenantId, loaded, [{ ...attempt, sketch }]);
  const code = codes.get(sketch.code_id);
  if (!code || !book) throw notFound("Promo code");
  // Read under the code lock: a concurrent reserve with the same key has committed by now, so this replays it.
  const before = await priorReservation(tx, tenantId, scope, input.idempotency_key);
  if (before) {
    if (before.request_hash !== hash) throw idemConflict();
    return { ok: true, row: before };
  }
  const { facts, keys } = factsFor(book, { ...attempt, code });
  const decision = decideRedemption(facts);
  const audit = {
    caller: ctx.caller, action: "reserve_discount_code", subject_type: "promo_code", subject_id: code.promo_code, at: now,
  };
  const details = {
    surface: input.surface, order_total_cents: input.order_total_cents, customer_id: customerKey, idempotency_key: input.idempotency_key,
  };
  if (!decision.allowed) {
    await writeAudit(tx, tenantId, { ...audit, allowed: false, reasons: decision.reasons, details });
    return { ok: false, reasons: decision.reasons, discount_cents: decision.discount_cents };
  }
  const expires = new Date(now.getTime() + (await ttlSeconds(tx, tenantId, input.ttl_seconds)) * 1000);
  const [row] = await tx.insert(discountReservations).values({
    tenant_id: tenantId, code_id: code.code_id, promo_code: code.promo_code, surface: code.surface, offer_id: code.offer_id,
    customer_id: customerKey, order_total_cents: input.order_total_cents, discount_cents: decision.discount_cents,
    spend_keys: keys.map(keyOf), expires_at: expires, idempotency_key: input.idempotency_key, request_hash: hash,
    api_key_id: ctx.caller.apiKeyId, issuer_type: ctx.caller.issuerType, provider: ctx.caller.provider, created_at: now, updated_at: now,
  }).returning();
  const held = { reservation_id: row.reservation_id, discount_cents: decision.discount_cents, expires_at: expires.toISOString() };
  await writeAudit(tx, tenantId, { ...audit, allowed: true, details: { ...details, ...held } });
  return { ok: true, row };
}

export const reserveDiscountCode = defineTool({
  name: "reserve_discount_code",
  description: "Hold one use of a promo code and its discount for a checkout (default 15 minutes): limits and budget " +
    "headroom count the hold. Redeem with the returned reservation_id consumes it; DELETE /dashboard/reservations/{id} " +
    "or expiry releases it. Needs an idempotency_key.",
  input: ReserveInput,
  output: ReserveOutput,
  permission: "codes.redeem",
  async execute(input, ctx) {
    const tenantId = requireTenant(ctx);
    requireSurface(ctx.caller, input.surface);
    const result = await ctx.db.withTenant(tenantId, (tx) => reserveInTx(tx, tenantId, input, ctx));
    if (!result.ok) throw rejected(result.reasons, { discount_cents: result.discount_cents });
    return out(result.row);
  },
});

export const releaseReservation = defineTool({
  name: "release_reservation",
  description: "Release a checkout reservation: its use and cents are available again. " +
    "A consumed reservation cannot be released (409).",
  input: ReleaseInput,
  output: Empty,
  permission: "codes.redeem",
  async execute(input, ctx) {
    const tenantId = requireTenant(ctx);
    await ctx.db.withTenant(tenantId, async (tx) => {
      const mine = and(eq(discountReservations.tenant_id, tenantId), eq(discountReservations.reservation_id, input.reservation_id));
      const [row] = await tx.select().from(discountReservations).where(mine).for("update");
      if (!row) throw notFound("Reservation");
      requireSurface(ctx.caller, row.surface);
      if (row.status === "consumed") {
        throw conflict("This reservation was already redeemed", { redemption_id: row.redemption_id });
      }
      if (row.status === "released") return;
      const now = ctx.now();
      await tx.update(discountReservations).set({ status: "released", updated_at: now }).where(mine);
      await writeAudit(tx, tenantId, {
        caller: ctx.caller, action: "release_reservation", allowed: true, subject_type: "reservation",
        subject_id: row.reservation_id, at: now,
        details: { promo_code: row.promo_code, discount_cents: Number(row.discount_cents), expired: row.expires_at <= now },
      });
    });
    return {};
  },
});

export const reservationTools = [reserveDiscountCode, releaseReservation];

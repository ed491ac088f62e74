import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./support/db";
import { must, offerDoorTenant } from "./support/offer-doors";

// Issue 10, door 1 as a property: random interleavings of offer status changes, code status changes
// and redemptions by random roles, through the public REST surface. Invariants after every step:
//  - a redemption succeeds only while the code's offer reads active (never a draft/inactive/deleted one);
//  - a marketer or connector never switches a code on;
//  - re-activating an offer never restores a code an admin switched off;
//  - a deleted offer's codes never come back.

let t: TestDatabase;
let d: Awaited<ReturnType<typeof offerDoorTenant>>;
const clock = { now: new Date("2026-11-21T12:00:00Z") };

beforeAll(async () => {
  t = await createTestDatabase();
  d = await offerDoorTenant(t.database, clock);
});
afterAll(() => t?.cleanup());

const ROLES = ["admin", "marketer", "connector"] as const;
type Role = (typeof ROLES)[number];
const role = fc.constantFrom(...ROLES);
const codeIx = fc.integer({ min: 0, max: 1 });
const Op = fc.oneof(
  fc.record({ kind: fc.constant("activate" as const), role }),
  fc.record({ kind: fc.constant("deactivate" as const), role }),
  fc.record({ kind: fc.constant("deleteOffer" as const), role }),
  fc.record({ kind: fc.constant("setCode" as const), role, i: codeIx, status: fc.constantFrom("active" as const, "inactive" as const) }),
  fc.record({ kind: fc.constant("offCode" as const), role, i: codeIx }),
  fc.record({ kind: fc.constant("redeem" as const), i: codeIx }),
  fc.record({ kind: fc.constant("redeem" as const), i: codeIx }),
);
type Op = typeof Op extends fc.Arbitrary<infer T> ? T : never;

const keyOf = (r: Role) => d[r].key;
/** Successful redemptions across all runs: the property must not hold only because nothing ever redeemed. */
let redeemed = 0;

/** One run: a marketer's draft with two codes, then the ops; every invariant is checked after each op. */
async function run(ops: Op[]) {
  const offer = await d.offer(d.marketer.key);
  const extra = must(await d.call("POST", "/dashboard/promo-codes", {
    key: d.admin.key, body: { surface: "shopify", discount_type: "percentage", value: 12, offer_id: offer.offer_id },
  }), 201).body;
  const codes = [offer.promo_codes[0], extra] as { code_id: string; promo_code: string }[];
  const adminOff = new Set<string>();
  let deleted = false;
  const status = async (i: number) => d.codeStatus(codes[i].code_id);
  const offerStatus = async () => {
    const res = await d.call("GET", `/dashboard/offers/${offer.offer_id}`, { key: d.admin.key });
    return res.status === 404 ? "deleted" : (res.body.offer_status as string);
  };
  for (const op of ops) {
    const before = await Promise.all([status(0), status(1)]);
    if (op.kind === "redeem") {
      const seen = await offerStatus();
      const res = await d.redeem(codes[op.i].promo_code);
      if (res.status === 201) redeemed += 1;
      if (res.status === 201) expect({ seen, code: before[op.i] }).toEqual({ seen: "active", code: "active" });
      else expect(res.status).toBe(422);
      continue;
    }
    const path = `/dashboard/offers/${offer.offer_id}`;
    const res = op.kind === "activate" ? await d.call("POST", `${path}/activate`, { key: keyOf(op.role) })
      : op.kind === "deactivate" ? await d.call("POST", `${path}/deactivate`, { key: keyOf(op.role) })
      : op.kind === "deleteOffer" ? await d.call("DELETE", path, { key: keyOf(op.role) })
      : op.kind === "setCode" ? await d.call("PUT", `/dashboard/promo-codes/${codes[op.i].code_id}`, { key: keyOf(op.role), body: { status: op.status } })
      : await d.call("DELETE", `/dashboard/promo-codes/${codes[op.i].code_id}`, { key: keyOf(op.role) });
    expect(res.status).toBeLessThan(500);
    const ok = res.status < 300;
    if (op.kind === "deleteOffer" && ok) deleted = true;
    if (ok && op.role === "admin" && (op.kind === "offCode" || (op.kind === "setCode" && op.status === "inactive"))) adminOff.add(codes[op.i].code_id);
    if (ok && op.role === "admin" && op.kind === "setCode" && op.status === "active") adminOff.delete(codes[op.i].code_id);
    const after = await Promise.all([status(0), status(1)]);
    for (const i of [0, 1]) {
      // Only an admin's own call on that code switches it on; an offer's activation only restores.
      if (before[i] !== "active" && after[i] === "active") {
        const direct = op.kind === "setCode" && op.i === i && op.role === "admin";
        expect(direct || (op.kind === "activate" && op.role === "admin" && !adminOff.has(codes[i].code_id))).toBe(true);
      }
      if (adminOff.has(codes[i].code_id)) expect(after[i]).toBe("inactive");
      if (deleted) expect(after[i]).toBe("inactive");
    }
  }
}

describe("door 1 as a property: offer and code status changes by random roles", () => {
  it("never redeems a non-active offer's code, and only admins switch codes on", async () => {
    await fc.assert(fc.asyncProperty(fc.array(Op, { minLength: 4, maxLength: 14 }), run), { numRuns: 12, seed: 10_2026 });
    expect(redeemed).toBeGreaterThan(0);
  });
});

import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  CoreError, createCoreClient, GovernanceError, MemoryInbox, orderRedemptionKey, signBody, verifyHmacSignature,
} from "@/connectors/kit";
import { generateKitTypes, KIT_TYPES_FILE } from "@/scripts/connector-kit-generate";

// The connector kit on its own: a scripted core (a fetch function answering in turn) shows what is
// retried and what is thrown; signatures, idempotency keys and the inbox need no server at all.

type Step = { status: number; body?: unknown; headers?: Record<string, string> } | "network";

/** A core that answers the given steps in order and records what it received. */
function scriptedCore(steps: Step[]) {
  const seen: { method: string; path: string; body: string; key: string | null }[] = [];
  const fetch = async (req: Request) => {
    seen.push({ method: req.method, path: new URL(req.url).pathname, body: await req.text(), key: req.headers.get("idempotency-key") });
    const step = steps.shift() ?? { status: 500 };
    if (step === "network") throw new TypeError("fetch failed");
    const headers = { "content-type": "application/json", ...step.headers };
    return new Response(step.body === undefined ? null : JSON.stringify(step.body), { status: step.status, headers });
  };
  const client = createCoreClient({ baseUrl: "http://core.test", apiKey: "k", fetch, retry: { sleep: async () => {}, retries: 3 } });
  return { client, seen };
}

const redemption = { redemption_id: "7f0e2d2e-0000-4000-8000-000000000001", discount_cents: 500, promo_code: "A", customer_id: "c", created_at: "2026-01-01T00:00:00Z" };
const redeemBody = { promo_code: "A", surface: "shopify", order_total_cents: 5000, customer_id: "c" };

describe("connector kit client", () => {
  it("retries 503, 429 and network failures with the same body and key, then returns the data", async () => {
    const { client, seen } = scriptedCore([{ status: 503, headers: { "retry-after": "1" } }, "network", { status: 429 }, { status: 201, body: redemption }]);
    const out = await client.redeem(redeemBody, { idempotencyKey: "shopify:s:1:A" });
    expect(out.redemption_id).toBe(redemption.redemption_id);
    expect(seen).toHaveLength(4);
    expect(new Set(seen.map((s) => s.body)).size).toBe(1);
    expect(seen.map((s) => s.key)).toEqual(Array(4).fill("shopify:s:1:A"));
  });

  it("never retries a 4xx: a 422 is a GovernanceError with the §2.4 code, a 409 a CoreError", async () => {
    const floor = scriptedCore([{ status: 422, body: { error: { code: "kpi_floor", message: "profit below floor", details: {} } } }]);
    const err = await floor.client.redeem(redeemBody, { idempotencyKey: "k" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GovernanceError);
    expect(err).toMatchObject({ status: 422, code: "kpi_floor", retryable: false });
    expect(floor.seen).toHaveLength(1);
    const dup = scriptedCore([{ status: 409, body: { error: { code: "already_voided", message: "voided", details: {} } } }]);
    const e2 = await dup.client.void(redemption.redemption_id).catch((e: unknown) => e);
    expect(e2).toBeInstanceOf(CoreError);
    expect(e2).not.toBeInstanceOf(GovernanceError);
    expect(e2).toMatchObject({ status: 409, code: "already_voided" });
  });

  it("gives up after the configured retries: the last 503 is thrown, an unreachable core is status 0", async () => {
    const busy = scriptedCore(Array(4).fill({ status: 503, body: { error: { code: "unavailable", message: "busy", details: {} } } }));
    await expect(busy.client.validate({ promo_code: "A", surface: "shopify", order_total_cents: 1 })).rejects.toMatchObject({ status: 503, code: "unavailable", retryable: true });
    expect(busy.seen).toHaveLength(4);
    const down = scriptedCore(["network", "network", "network", "network"]);
    await expect(down.client.listCodes()).rejects.toMatchObject({ status: 0, code: "unreachable" });
  });

  it("refuses to redeem without an Idempotency-Key", async () => {
    const { client, seen } = scriptedCore([]);
    expect(() => client.redeem(redeemBody, { idempotencyKey: "" })).toThrow(CoreError);
    expect(seen).toHaveLength(0);
  });
});

describe("connector kit helpers", () => {
  it("derives idempotency keys from platform ids", () => {
    expect(orderRedemptionKey({ platform: "shopify", shop: "demo.myshopify.com", orderId: 820982911946154500, code: "SAVE15" }))
      .toBe("shopify:demo.myshopify.com:820982911946154500:SAVE15");
    expect(() => orderRedemptionKey({ platform: "shopify", shop: "", orderId: 1, code: "X" })).toThrow();
  });

  it("verifies HMAC signatures over the raw body and rejects tampering, wrong secrets and garbage", () => {
    const body = '{"id":1,"discount_codes":[{"code":"SAVE15"}]}';
    const sig = signBody(body, "s3cret");
    expect(verifyHmacSignature(body, sig, "s3cret")).toBe(true);
    expect(verifyHmacSignature(Buffer.from(body), sig, "s3cret")).toBe(true);
    expect(verifyHmacSignature(body.replace("1", "2"), sig, "s3cret")).toBe(false);
    expect(verifyHmacSignature(body, sig, "other")).toBe(false);
    expect(verifyHmacSignature(body, "abc", "s3cret")).toBe(false);
    expect(verifyHmacSignature(body, null, "s3cret")).toBe(false);
    expect(verifyHmacSignature(body, signBody(body, "s3cret", "hex"), "s3cret", "hex")).toBe(true);
  });

  it("keeps an inbox of delivery ids: once processed, a retry is a duplicate, also after a restart", async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), "inbox-")), "inbox.json");
    const inbox = new MemoryInbox({ file });
    expect(await inbox.claim("d1")).toBe(true);
    expect(await inbox.claim("d1")).toBe(false);
    await inbox.release("d1");
    expect(await inbox.claim("d1")).toBe(true);
    await inbox.complete("d1");
    expect(await inbox.claim("d1")).toBe(false);
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual(["d1"]);
    const restarted = new MemoryInbox({ file });
    expect(await restarted.claim("d1")).toBe(false);
    expect(await restarted.claim("d2")).toBe(true);
  });
});

describe("generated kit types", () => {
  it("are fresh: connectors/kit/openapi.d.ts equals a generation from today's route table (npm run connector:kit:generate)", async () => {
    expect(await readFile(KIT_TYPES_FILE, "utf8")).toBe(await generateKitTypes());
  });
});

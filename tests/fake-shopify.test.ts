import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminApi, ShopifyError } from "@/connectors/shopify/admin-api";
import { type FakeShopify, startFakeShopify } from "@/connectors/shopify/test/fake-shopify";
import { placeOrder, settleUsage } from "@/connectors/shopify/test/fake-shop";

// The fake Shopify keeps Shopify's contract: token auth, userErrors with HTTP 200, a lagging usage
// count and an asynchronous redeem-code bulk add. The connector's Admin API client reads it as it would Shopify.

let fake: FakeShopify;
beforeAll(async () => {
  fake = await startFakeShopify({ shop: "fake.myshopify.com", accessToken: "shpat_ok", secret: "s" });
});
afterAll(() => fake?.close());

const gql = (query: string, variables: Record<string, unknown> = {}, token = "shpat_ok") =>
  fetch(fake.adminApiUrl, { method: "POST", headers: { "content-type": "application/json", "x-shopify-access-token": token }, body: JSON.stringify({ query, variables }) });

const basic = (code: string) => ({
  mutation: "discountCodeBasicCreate" as const,
  variables: { basicCodeDiscount: { title: code, code, startsAt: "2026-01-01T00:00:00Z", context: { all: "ALL" }, customerGets: { value: { percentage: 0.1 }, items: { all: true } } } },
});

describe("fake Shopify Admin API", () => {
  it("refuses a wrong token with 401 and a taken code with userErrors on HTTP 200", async () => {
    expect((await gql("{ shop { name } }", {}, "wrong")).status).toBe(401);
    const api = createAdminApi({ url: fake.adminApiUrl, accessToken: "shpat_ok" });
    const id = await api.createDiscount(basic("FAKE10"));
    expect(id).toMatch(/^gid:\/\/shopify\/DiscountCodeNode\/\d+$/);
    const raw = await gql("mutation ($basicCodeDiscount: DiscountCodeBasicInput!) { discountCodeBasicCreate(basicCodeDiscount: $basicCodeDiscount) { codeDiscountNode { id } userErrors { field code message } } }", basic("fake10").variables);
    expect(raw.status).toBe(200);
    expect((await raw.json()).data.discountCodeBasicCreate).toEqual({
      codeDiscountNode: null, userErrors: [{ field: ["basicCodeDiscount", "code"], code: "TAKEN", message: "Code must be unique. Please try a different code." }],
    });
    const err = await api.createDiscount(basic("fake10")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ShopifyError);
    expect((err as ShopifyError).userErrors[0].code).toBe("TAKEN");
  });

  it("counts usage asynchronously and adds redeem codes in an asynchronous bulk job", async () => {
    const api = createAdminApi({ url: fake.adminApiUrl, accessToken: "shpat_ok" });
    const id = await api.createDiscount(basic("LAGGY"));
    placeOrder(fake.shop, { id: 1, code: "LAGGY", subtotalCents: 1_000 });
    expect((await api.listDiscounts()).find((d) => d.code === "LAGGY")?.usageCount).toBe(0);
    settleUsage(fake.shop);
    expect((await api.listDiscounts()).find((d) => d.code === "LAGGY")?.usageCount).toBe(1);

    const add = await (await gql("mutation ($discountId: ID!, $codes: [DiscountRedeemCodeInput!]!) { discountRedeemCodeBulkAdd(discountId: $discountId, codes: $codes) { bulkCreation { id } userErrors { code message } } }",
      { discountId: id, codes: [{ code: "LAGGY-2" }, { code: "LAGGY-3" }] })).json();
    const job = add.data.discountRedeemCodeBulkAdd.bulkCreation.id;
    const poll = async () => (await (await gql("query ($id: ID!) { discountRedeemCodeBulkCreation(id: $id) { id done importedCount } }", { id: job })).json()).data.discountRedeemCodeBulkCreation;
    expect(await poll()).toMatchObject({ done: false, importedCount: 0 });
    expect(await poll()).toMatchObject({ done: true, importedCount: 2 });
    expect(fake.shop.discounts.find((d) => d.id === id)?.extraCodes).toEqual(["LAGGY-2", "LAGGY-3"]);
  });
});

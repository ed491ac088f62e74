import { retryingFetch } from "../kit";
import type { ShopifyCreate } from "./mapping";

// Shopify's Admin GraphQL API, the few operations the connector needs. Validation problems come back
// as `userErrors` with HTTP 200 (never thrown by Shopify), so every mutation result is checked here;
// throttling (429, or a THROTTLED error) and network failures are retried by the kit's backoff.

/** A DiscountUserError as Shopify returns it. */
export type UserError = { field: string[] | null; code: string | null; message: string };

/** A mutation Shopify refused (userErrors) or a GraphQL-level failure. */
export class ShopifyError extends Error {
  constructor(message: string, readonly userErrors: UserError[] = []) {
    super(message);
    this.name = "ShopifyError";
  }
}

/** A code discount as reconcile reads it. */
export type ShopifyDiscount = { id: string; code: string; status: string; usageCount: number; typename: string };

const PAYLOAD = "codeDiscountNode { id } userErrors { field code message }";

/** A create mutation: `field(arg: $arg)` with the argument's input type, selecting the payload. */
const create = (field: string, arg: string, type: string) =>
  `mutation ($${arg}: ${type}!) {\n  ${field}(${arg}: $${arg}) { ${PAYLOAD} }\n}`;

const CREATE: Record<ShopifyCreate["mutation"], string> = {
  discountCodeBasicCreate: create("discountCodeBasicCreate", "basicCodeDiscount", "DiscountCodeBasicInput"),
  discountCodeFreeShippingCreate: create("discountCodeFreeShippingCreate", "freeShippingCodeDiscount", "DiscountCodeFreeShippingInput"),
  discountCodeBxgyCreate: create("discountCodeBxgyCreate", "bxgyCodeDiscount", "DiscountCodeBxgyInput"),
};

/** The same selection on each code discount type the connector creates. */
const onEachType = (fields: string) =>
  ["DiscountCodeBasic", "DiscountCodeFreeShipping", "DiscountCodeBxgy"].map((t) => `... on ${t} { ${fields} }`).join(" ");

const DEACTIVATE = `mutation ($id: ID!) { discountCodeDeactivate(id: $id) {
  codeDiscountNode { id codeDiscount { ${onEachType("status")} } }
  userErrors { field code message } } }`;

const FIELDS = "status asyncUsageCount codes(first: 1) { nodes { code } }";
const LIST = `query ($after: String) { codeDiscountNodes(first: 100, after: $after) {
  nodes { id codeDiscount { __typename ${onEachType(FIELDS)} } }
  pageInfo { hasNextPage endCursor } } }`;

/** Where and as whom to call Shopify. */
export type AdminApiOptions = { url: string; accessToken: string; fetch?: (req: Request) => Promise<Response> };

/** A small Admin GraphQL client: create, deactivate, list. */
export function createAdminApi(opts: AdminApiOptions) {
  const send = retryingFetch(opts.fetch ?? ((r) => globalThis.fetch(r)));

  async function graphql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const res = await send(new Request(opts.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-shopify-access-token": opts.accessToken },
      body: JSON.stringify({ query, variables }),
    }));
    if (!res.ok) throw new ShopifyError(`Shopify Admin API answered HTTP ${res.status}`);
    const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors?.length) throw new ShopifyError(`Shopify GraphQL error: ${body.errors.map((e) => e.message).join("; ")}`);
    return body.data as T;
  }

  /** The payload of a mutation, or a ShopifyError carrying its userErrors. */
  function checked<P extends { userErrors: UserError[] }>(payload: P, what: string): P {
    if (payload.userErrors.length) {
      throw new ShopifyError(`${what}: ${payload.userErrors.map((e) => e.message).join("; ")}`, payload.userErrors);
    }
    return payload;
  }

  return {
    /** Creates the discount; resolves with its DiscountCodeNode id. */
    async createDiscount(c: ShopifyCreate): Promise<string> {
      type Payload = { codeDiscountNode: { id: string } | null; userErrors: UserError[] };
      const data = await graphql<Record<string, Payload>>(CREATE[c.mutation], c.variables);
      const payload = checked(data[c.mutation], c.mutation);
      if (!payload.codeDiscountNode) throw new ShopifyError(`${c.mutation} returned no discount`);
      return payload.codeDiscountNode.id;
    },
    /** Deactivates a discount (it stays in Shopify, expired, with its history). */
    async deactivateDiscount(id: string): Promise<void> {
      const data = await graphql<{ discountCodeDeactivate: { userErrors: UserError[] } }>(DEACTIVATE, { id });
      checked(data.discountCodeDeactivate, "discountCodeDeactivate");
    },
    /** Every code discount of the shop (paged), for reconcile. */
    async listDiscounts(): Promise<ShopifyDiscount[]> {
      type Discount = { __typename: string; status?: string; asyncUsageCount?: number; codes?: { nodes: { code: string }[] } };
      type Node = { id: string; codeDiscount: Discount };
      type Page = { codeDiscountNodes: { nodes: Node[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
      const out: ShopifyDiscount[] = [];
      let after: string | null = null;
      do {
        const page: Page = await graphql<Page>(LIST, { after });
        for (const n of page.codeDiscountNodes.nodes) {
          const code = n.codeDiscount.codes?.nodes[0]?.code;
          if (!code) continue;
          const d = n.codeDiscount;
          out.push({ id: n.id, code, status: d.status ?? "UNKNOWN", usageCount: d.asyncUsageCount ?? 0, typename: d.__typename });
        }
        after = page.codeDiscountNodes.pageInfo.hasNextPage ? page.codeDiscountNodes.pageInfo.endCursor : null;
      } while (after);
      return out;
    },
  };
}

export type AdminApi = ReturnType<typeof createAdminApi>;

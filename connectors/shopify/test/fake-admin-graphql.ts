import { discountByCode, type FakeDiscount, type FakeShop } from "./fake-shop";

// The Admin GraphQL operations of the fake, recognised by their root field. Inputs are checked the
// way Shopify does and refused with userErrors (HTTP 200); payloads have Shopify's shapes.

type UserError = { field: string[]; code: string; message: string };
type Vars = Record<string, any>;

const CREATES = [
  ["discountCodeBasicCreate", "basicCodeDiscount", "DiscountCodeBasic"],
  ["discountCodeFreeShippingCreate", "freeShippingCodeDiscount", "DiscountCodeFreeShipping"],
  ["discountCodeBxgyCreate", "bxgyCodeDiscount", "DiscountCodeBxgy"],
] as const;

/** Shopify's checks on a create input that matter to a connector. */
function inputErrors(shop: FakeShop, arg: string, input: Vars | undefined, typename: FakeDiscount["typename"]): UserError[] {
  if (!input) return [{ field: [arg], code: "BLANK", message: "Input can't be blank" }];
  const errors: UserError[] = [];
  const need = (key: string) => {
    if (input[key] === undefined || input[key] === null || input[key] === "") errors.push({ field: [arg, key], code: "BLANK", message: `${key} can't be blank` });
  };
  for (const k of ["title", "code", "startsAt"]) need(k);
  if (!input.context && !input.customerSelection) errors.push({ field: [arg, "context"], code: "BLANK", message: "Context can't be blank" });
  if (typename !== "DiscountCodeFreeShipping") need("customerGets");
  if (typename === "DiscountCodeBxgy") need("customerBuys");
  const pct = input.customerGets?.value?.percentage;
  if (pct !== undefined && (pct < 0 || pct > 1)) errors.push({ field: [arg, "customerGets", "value", "percentage"], code: "VALUE_OUTSIDE_RANGE", message: "Value must be between 0.0 and 1.0" });
  if (input.code && discountByCode(shop, input.code)) {
    errors.push({ field: [arg, "code"], code: "TAKEN", message: "Code must be unique. Please try a different code." });
  }
  if (input.endsAt && input.startsAt && Date.parse(input.endsAt) <= Date.parse(input.startsAt)) {
    errors.push({ field: [arg, "endsAt"], code: "INVALID", message: "Ends at needs to be after starts_at" });
  }
  return errors;
}

/** The codeDiscount object as the connector's list query selects it. */
function codeDiscount(d: FakeDiscount) {
  return { __typename: d.typename, status: d.status, asyncUsageCount: d.reportedUsage, codes: { nodes: [{ code: d.code }] } };
}

/** Answers one GraphQL request body: { data } or { errors }. */
export function handleGraphql(shop: FakeShop, query: string, vars: Vars): Record<string, unknown> {
  for (const [field, arg, typename] of CREATES) {
    if (!query.includes(`${field}(`)) continue;
    const input = vars[arg] as Vars | undefined;
    const errors = shop.rejectNextCreate ?? inputErrors(shop, arg, input, typename);
    shop.rejectNextCreate = null;
    if (errors.length) return { data: { [field]: { codeDiscountNode: null, userErrors: errors } } };
    const id = `gid://shopify/DiscountCodeNode/${shop.nextId++}`;
    const future = Date.parse(input!.startsAt) > Date.now();
    shop.discounts.push({ id, typename, code: input!.code, status: future ? "SCHEDULED" : "ACTIVE", input: input!, reportedUsage: 0, usage: 0, extraCodes: [] });
    return { data: { [field]: { codeDiscountNode: { id }, userErrors: [] } } };
  }
  if (query.includes("discountCodeDeactivate(")) {
    const d = shop.discounts.find((x) => x.id === vars.id);
    if (!d) return { data: { discountCodeDeactivate: { codeDiscountNode: null, userErrors: [{ field: ["id"], code: "INVALID", message: "Discount does not exist" }] } } };
    d.status = "EXPIRED";
    return { data: { discountCodeDeactivate: { codeDiscountNode: { id: d.id, codeDiscount: { status: d.status } }, userErrors: [] } } };
  }
  if (query.includes("discountRedeemCodeBulkAdd(")) {
    const d = shop.discounts.find((x) => x.id === vars.discountId);
    if (!d) return { data: { discountRedeemCodeBulkAdd: { bulkCreation: null, userErrors: [{ field: ["discountId"], code: "INVALID", message: "Discount does not exist" }] } } };
    const id = `gid://shopify/DiscountRedeemCodeBulkCreation/${shop.nextId++}`;
    shop.bulk.set(id, { discountId: d.id, codes: (vars.codes as { code: string }[]).map((c) => c.code), polls: 0 });
    return { data: { discountRedeemCodeBulkAdd: { bulkCreation: { id }, userErrors: [] } } };
  }
  if (query.includes("discountRedeemCodeBulkCreation(")) {
    const job = shop.bulk.get(vars.id);
    if (!job) return { data: { discountRedeemCodeBulkCreation: null } };
    // Asynchronous: the first poll finds it running, a later one done with the codes added.
    job.polls += 1;
    const done = job.polls > 1;
    if (done) shop.discounts.find((x) => x.id === job.discountId)?.extraCodes.push(...job.codes.filter((c) => !discountByCode(shop, c)));
    return { data: { discountRedeemCodeBulkCreation: { id: vars.id, done, codesCount: job.codes.length, importedCount: done ? job.codes.length : 0, failedCount: 0 } } };
  }
  if (query.includes("codeDiscountNodes(")) {
    const start = vars.after ? Number(vars.after) : 0;
    const page = shop.discounts.slice(start, start + 100);
    const end = start + page.length;
    return {
      data: { codeDiscountNodes: {
        nodes: page.map((d) => ({ id: d.id, codeDiscount: codeDiscount(d) })),
        pageInfo: { hasNextPage: end < shop.discounts.length, endCursor: page.length ? String(end) : null },
      } },
    };
  }
  return { errors: [{ message: "Field is not supported by the fake Shopify", extensions: { code: "undefinedField" } }] };
}

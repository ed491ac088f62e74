import { and, eq, sql } from "drizzle-orm";
import { OFFER_TYPES } from "@/core/offers/vocabulary";
import { can } from "@/core/auth/permissions";
import { AppError, type FieldIssue, invalidInput } from "@/core/errors";
import { offerIssues, promoCodeIssues, wantsPromoCode } from "@/core/offers/consistency";
import { parseOfferTimestamp } from "@/core/offers/dates";
import { initialStatus } from "@/core/offers/lifecycle";
import type { Tx } from "@/db/database";
import { merchants, offerDescriptives, offers, offerTypes, programs } from "@/db/schema";
import type { ToolContext } from "../context";
import { checkOfferCampaign, linkOfferCampaign } from "./campaign-store";
import { createOfferCode } from "./offer-codes";
import type { CreateOfferInput } from "./offer-schemas";

// Writing offers: reference checks, column mapping, descriptive upsert. Shared by create, update,
// duplicate and bulk-create so every path applies the same rules.

const DESCRIPTIVE_KEYS = ["short_text", "long_text", "terms_conditions", "image_url", "savings_amount", "savings_type"] as const;
const NOT_COLUMNS = ["offer_id", "promo_code", "surface", "offer_status", "campaign_id", "campaign"];
type OfferFieldInput = Partial<Omit<CreateOfferInput, "promo_code" | "surface" | "offer_status" | "campaign_id" | "campaign">>;

/** Ids and names in the body must exist in the caller's tenant; another tenant's id reads as unknown. */
export async function referenceIssues(tx: Tx, input: OfferFieldInput): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  if (input.merchant_owner) {
    const [m] = await tx.select({ id: merchants.merchant_id }).from(merchants).where(eq(merchants.merchant_id, input.merchant_owner));
    if (!m) issues.push({ field: "merchant_owner", message: "no such merchant" });
  }
  if (input.program_id) {
    const [p] = await tx.select({ id: programs.program_id }).from(programs).where(eq(programs.program_id, input.program_id));
    if (!p) issues.push({ field: "program_id", message: "no such program" });
  }
  if (input.offer_type && !(OFFER_TYPES as readonly string[]).includes(input.offer_type)) {
    const [t] = await tx.select({ id: offerTypes.offer_type_id }).from(offerTypes)
      .where(and(eq(offerTypes.type_name, input.offer_type), eq(offerTypes.is_active, true)));
    if (!t) issues.push({ field: "offer_type", message: `one of ${OFFER_TYPES.join(", ")} or an active type_name from /dashboard/offers/types` });
  }
  return issues;
}

/** Body fields → offers columns (only the ones present, so updates stay partial); keeps the client's date text. */
export function offerColumns(input: OfferFieldInput, existingTexts?: Record<string, string>) {
  const cols: Partial<typeof offers.$inferInsert> = {};
  for (const [k, v] of Object.entries(input)) {
    if (v === undefined || (DESCRIPTIVE_KEYS as readonly string[]).includes(k) || NOT_COLUMNS.includes(k)) continue;
    (cols as Record<string, unknown>)[k] = v;
  }
  const texts: Record<string, string | null> = {};
  if (input.version_active_from !== undefined) texts.version_active_from = input.version_active_from;
  if (input.offer_expiry_date !== undefined) texts.offer_expiry_date = input.offer_expiry_date;
  if (Object.keys(texts).length) {
    const merged = { ...(existingTexts ?? {}), ...texts };
    cols.date_inputs = Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => e[1] !== null));
  }
  if (input.version_active_from !== undefined) {
    cols.version_active_from = input.version_active_from === null ? null : parseOfferTimestamp(input.version_active_from, "start");
  }
  if (input.offer_expiry_date !== undefined) {
    cols.offer_expiry_date = input.offer_expiry_date === null ? null : parseOfferTimestamp(input.offer_expiry_date, "end");
  }
  return cols;
}

/** The descriptive fields present in a body, or null when it names none. */
export function descriptiveColumns(input: Partial<Record<(typeof DESCRIPTIVE_KEYS)[number], unknown>>) {
  const present = DESCRIPTIVE_KEYS.filter((k) => input[k] !== undefined);
  return present.length ? Object.fromEntries(present.map((k) => [k, input[k]])) : null;
}

/** Inserts or updates one language's copy, touching only the fields given. */
export async function upsertDescriptive(tx: Tx, tenantId: string, offerId: string, language: string, fields: Record<string, unknown>) {
  await tx.insert(offerDescriptives)
    .values({ tenant_id: tenantId, offer_id: offerId, language_code: language, ...fields })
    .onConflictDoUpdate({
      target: [offerDescriptives.tenant_id, offerDescriptives.offer_id, offerDescriptives.language_code],
      set: { ...fields, updated_at: sql`now()` },
    });
}

/** Marketers may not set or change budgets (CONTRACT §1); drafts are exempt, an admin activates them. */
export function assertBudgetChangeAllowed(ctx: ToolContext, changing: boolean, field: string) {
  if (changing && !can(ctx.caller.role, "budget.write")) {
    throw new AppError("forbidden", `Only an admin may change ${field} outside a draft`);
  }
}

/**
 * Creates one offer inside tx, with its default-language copy, its campaign link and its governed
 * promo code last: any refusal (a 422 from the code's policy check) rolls all of them back together.
 */
export async function insertOffer(tx: Tx, tenantId: string, input: CreateOfferInput, ctx: ToolContext): Promise<string> {
  const start = initialStatus(input.offer_status, can(ctx.caller.role, "offers.activate"));
  if ("code" in start) throw new AppError(start.code, start.message);
  const issues = [...offerIssues(input), ...promoCodeIssues(input), ...(await referenceIssues(tx, input))];
  if (issues.length) throw invalidInput("The offer has invalid fields", issues);
  await checkOfferCampaign(tx, input, ctx);
  const cols = offerColumns(input);
  if (start.status === "active" && cols.offer_expiry_date && cols.offer_expiry_date <= ctx.now()) {
    throw new AppError("expired", "The offer cannot be created active: offer_expiry_date has passed");
  }
  const language = input.default_language ?? "en";
  const [row] = await tx.insert(offers).values({
    ...cols,
    tenant_id: tenantId,
    offer_type: input.offer_type,
    default_language: language,
    offer_status: start.status,
    offer_redemption_methods: input.offer_redemption_methods ?? [],
    target_audience: input.target_audience ?? [],
    distribution_channels: input.distribution_channels ?? [],
    created_by_key_id: ctx.caller.apiKeyId,
    issuer_type: ctx.caller.issuerType,
  }).returning({ offer_id: offers.offer_id });
  const copy = descriptiveColumns(input);
  if (copy) await upsertDescriptive(tx, tenantId, row.offer_id, language, copy);
  await linkOfferCampaign(tx, tenantId, row.offer_id, input);
  if (wantsPromoCode(input)) await createOfferCode(tx, tenantId, row.offer_id, input, ctx);
  return row.offer_id;
}

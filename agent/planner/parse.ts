import type { OfferDraft } from "../draft";
import { findAudience, findProgramType } from "./audience";
import { findChannels, findRedemptionMethod, findSurface } from "./channels";
import { findCodes } from "./codes";
import { extractDates } from "./dates";
import { takeLimits } from "./limits";
import { takeMoneyTerms } from "./money";
import { PERCENT_OR_MONEY } from "./numbers";
import { takeOffer } from "./offer";
import { findMerchant, findProductScope } from "./scope";
import { normalise, Scan, takeObjective } from "./text";

// One message → the fields it states. Fields the message is silent on are absent (not null), so
// the caller can tell "not mentioned" from "mentioned and cleared" when editing a draft.

export type Stated = Partial<OfferDraft>;
export type Parsed = {
  stated: Stated;
  /** True when offerType was inferred from a bare "%"/"$" value rather than named. */
  typeInferred: boolean;
  /** A unitless value from an edit ("make it 25"); applies the previous draft's unit. */
  bareValue: number | null;
  /** "extend it a week": days to add to the previous end date. */
  extendDays: number | null;
  notes: string[];
};

const EXTEND = /\b(?:extend|lengthen|prolong|push(?: out| back)?)\s{1,3}(?:(?:it|the (?:offer|promo(?:tion)?|sale|deal|campaign|end(?: date)?))\s{1,3})?(?:by\s{1,3})?(?:another\s{1,3}|an extra\s{1,3}|1 more\s{1,3})?(\d{1,3}|an?)\s{0,3}(day|week|month)s?\b/i;
const DAY_FIRST_LOCALE = /[£€]|\b(?:gbp|eur|uk|u\.k\.|britain|ireland|europe|eu|australia|nz)\b/i;

/** Extracts every field a message states; extractors run in an order that keeps their numbers apart. */
export function parseMessage(message: string, today: string): Parsed {
  const notes: string[] = [];
  const scan = new Scan(normalise(message));
  const stated: Stated = {};

  const objective = takeObjective(scan);
  if (objective) stated.objective = objective;

  const codes = findCodes(scan.full);
  for (const c of codes) scan.claim(c.index, c.end);
  const distinct = [...new Set(codes.map((c) => c.code))];
  if (distinct.length === 1) stated.promoCode = distinct[0].slice(0, 32);
  else if (distinct.length > 1) {
    // "change the code from DEALER20 to XMAS15": the last one is the new one.
    if (/\bfrom\b[^.;]{0,200}\bto\b/i.test(scan.full) || /\binstead\b/i.test(scan.full)) stated.promoCode = distinct[distinct.length - 1].slice(0, 32);
    else notes.push(`Several promo codes (${distinct.join(", ")}); promo code left empty.`);
  }

  const money = takeMoneyTerms(scan);
  notes.push(...money.notes);
  if (money.totalBudget) stated.totalBudget = money.totalBudget.value;
  if (money.minimumSpend) stated.minimumSpend = money.minimumSpend.value;

  const limits = takeLimits(scan);
  notes.push(...limits.notes);
  if (limits.perCustomer !== null) stated.usageLimitPerCustomer = limits.perCustomer;
  if (limits.total !== null) stated.totalUsageLimit = limits.total;

  const offer = takeOffer(scan);
  notes.push(...offer.notes);
  if (offer.offerType) stated.offerType = offer.offerType;
  if (offer.offerValue !== null) {
    stated.offerValue = offer.offerValue;
    stated.maxDiscountUnit = offer.unit;
  }
  const typeInferred = offer.offerType !== null && !namesOfferType(scan.full, offer.offerType);

  const currencies = new Set([...money.currencies, offer.currency].filter((c): c is string => !!c));
  const named = /\bcurrency\s{0,3}(?:[:=|]\s{0,3})?(usd|gbp|eur|cad|aud)\b/i.exec(scan.full);
  if (named) currencies.add(named[1].toUpperCase());
  if (currencies.size === 1) stated.currency = [...currencies][0];
  else if (currencies.size > 1) notes.push(`The brief mixes currencies (${[...currencies].join(", ")}); currency left empty.`);

  let extendDays: number | null = null;
  scan.take(EXTEND, (m) => {
    const n = /^an?$/i.test(m[1]) ? 1 : Number(m[1]);
    extendDays = m[2].toLowerCase() === "week" ? n * 7 : m[2].toLowerCase() === "month" ? n * 30 : n;
    return true;
  });

  // Amounts are not dates, and neither is a run of 9+ digits.
  const dateText = scan.text.replace(PERCENT_OR_MONEY, (m) => " ".repeat(m.length)).replace(/\d{9,}/g, " ")
    .replace(/[ \t]{2,}/g, " "); // blanked spans collapse: the date reader needs words, not their offsets
  const dates = extractDates(dateText, today, { dayFirstLocale: DAY_FIRST_LOCALE.test(scan.full) });
  notes.push(...dates.notes);
  if (dates.startDate) stated.startDate = dates.startDate;
  if (dates.endDate) stated.endDate = dates.endDate;

  const audience = findAudience(scan.full);
  if (audience) stated.targetAudience = audience;
  const programType = findProgramType(scan.full, audience);
  if (programType) stated.programType = programType;

  const method = findRedemptionMethod(scan.full, stated.promoCode !== undefined);
  if (method) stated.redemptionMethod = method;
  const surface = findSurface(scan.full, notes);
  if (surface) stated.surface = surface;
  const channels = findChannels(scan.full, method);
  if (channels) stated.distributionChannels = channels;

  const scope = findProductScope(scan.full);
  if (scope) stated.productScope = scope;
  const merchant = findMerchant(scan.full);
  if (merchant) stated.merchant = merchant;

  return { stated, typeInferred, bareValue: offer.bareValue, extendDays, notes };
}

/** Whether the words name the offer type, as opposed to it being implied by a "%" or "$" sign. */
function namesOfferType(text: string, type: NonNullable<OfferDraft["offerType"]>): boolean {
  switch (type) {
    case "cashback": return /\bcash[\s-]?back\b|\bback\b/i.test(text);
    case "bogo": case "free_shipping": return true;
    case "fixed_discount": return /\b(?:fixed|flat|dollars? off|amount off)\b/i.test(text);
    case "percentage_discount": return /\b(?:percentage|percent(?:age)? off)\b/i.test(text) && !/\bmake it\b/i.test(text);
  }
}

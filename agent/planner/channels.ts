import type { OfferDraft } from "../draft";
import { mentionsCode } from "./codes";
import { rx } from "./patterns";

// How the offer is redeemed and where it is distributed. Redemption method follows the first
// clear cue (a named promo code always means promo_code); channels are only the ones the brief
// implies, never a default list.

type Method = NonNullable<OfferDraft["redemptionMethod"]>;
type Surface = NonNullable<OfferDraft["surface"]>;
type Channel = NonNullable<OfferDraft["distributionChannels"]>[number];

const METHOD_CUES: Array<[Method, RegExp]> = [
  ["show_save", rx("channels.SHOW_SAVE", [
    String.raw`\b(?:show[\s-]{0,3}(?:and|&|n)[\s-]{0,3}save`,
    String.raw`show\s{1,3}(?:this|the|your|it|them)\s{1,3}(?:[a-z]{1,20}\s{1,3}){0,2}?(?:in[- ]store|in[- ]person|at\s{1,3}(?:the\s{1,3})?(?:store|shop|counter|register|till|door|front)|to\s{1,3}(?:the\s{1,3})?(?:cashier|staff|server|clerk|teller))`,
    String.raw`show(?:\s{1,3}(?:this|the|your|it|them))?(?:\s{1,3}(?:offer|coupon|screen|app|card|phone|email|pass|membership card|badge|id))?\s{1,3}(?:at|to)\s{1,3}(?:the\s{1,3})?(?:counter|register|cashier|checkout|till|staff|store|front desk|host|server|cash desk)`,
    String.raw`present\s{1,3}(?:this|the|your)\s{1,3}(?:offer|coupon|card|screen|app|pass)|flash (?:the|this|your) (?:offer|screen|card)|in[- ]store,? show)`,
  ].join("|"), "i")],
  ["barcode", /\b(?:bar[\s-]?codes?|scan(?:s|ned|ning)?|scannable|qr[\s-]?codes?|upc)\b/i],
  ["online_link", /\b(?:click[\s-]{1,3}to[\s-]{1,3}activate|tap[\s-]{1,3}to[\s-]{1,3}activate|activation links?|activate (?:it |the offer )?online|(?:unique|personal|special|tracking|redemption|offer)\s{1,3}links?|(?:via|through|using|with|from|at|on)\s{1,3}(?:our|the|this|a|your|my)\s{1,3}(?:[a-z]{1,20}\s{1,3})?link|click (?:the|a|this) link|one[- ]click|online[- ]only|only online|redeem(?:able)? online|online link)\b/i],
];

/** Redemption method from the brief's wording; null when it does not say how customers redeem. */
export function findRedemptionMethod(text: string, hasCode: boolean): Method | null {
  if (hasCode) return "promo_code";
  let best: { method: Method; at: number } | null = null;
  for (const [method, re] of METHOD_CUES) {
    const m = re.exec(text);
    if (m && (!best || m.index < best.at)) best = { method, at: m.index };
  }
  if (mentionsCode(text)) {
    const at = text.search(/\b(?:promo(?:tional)?\s+|coupon\s+|discount\s+|voucher\s+)?codes?\b/i);
    if (!best || (at >= 0 && at < best.at && !/\b(?:bar|qr)[\s-]?codes?\b/i.test(text.slice(Math.max(0, at - 4), at + 8)))) {
      return "promo_code";
    }
  }
  return best?.method ?? null;
}

const SURFACE_CUES: Array<[Surface, RegExp]> = [
  ["shopify", /\bshopify\b/i],
  ["wix", /\bwix\b/i],
  ["marketplace", /\bmarketplace\b/i],
  ["hub", /\b(?:kigo\s+)?hub\b/i],
];

/** The surface where the discount is redeemed; the first one named when there are several. */
export function findSurface(text: string, notes: string[]): Surface | null {
  const hits = SURFACE_CUES.map(([s, re]) => ({ s, at: text.search(re) })).filter((h) => h.at >= 0).sort((a, b) => a.at - b.at);
  if (hits.length > 1) notes.push(`Several surfaces named (${hits.map((h) => h.s).join(", ")}); using ${hits[0].s}.`);
  return hits[0]?.s ?? null;
}

/** Distribution channels the brief implies; null when none. */
export function findChannels(text: string, method: Method | null): Channel[] | null {
  const out: Channel[] = [];
  if (/\b(?:air[\s-]?drops?|hub)\b/i.test(text)) out.push("hub_airdrops");
  if (/\bmarketplace\b/i.test(text)) out.push("marketplace");
  if (method === "online_link" || /\bactivation links?\b/i.test(text)) out.push("activation_links");
  if (method === "promo_code") out.push("promo_code_redemption");
  return out.length ? out : null;
}

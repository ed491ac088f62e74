import { rx } from "./patterns";
// What the discount applies to ("20% off all equipment purchases" → "all equipment") and which
// merchant runs it ("merchant: Joe's Pizza", "at Acme Outfitters"). Both are conservative: a
// phrase that does not clearly name a product range or a business stays null.

const STOP = String.raw`(?=\s{0,3}[^\x00-\x7F]|\s{1,3}(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?\s{0,3}\d|\s{1,3}(?:purchases?|orders?|items?|products?|sales?|lines?|range)\b|\s{0,3}[,.;:!?()\n]|\s{1,3}-\s|\s{0,3}$|\s{1,3}(?:with|for|when|through|until|till|from|at|using|use|if|via|by|during|this|now|in|on orders|plus|and (?:a|an|the|get|free|use|limit)|code|promo|starting|ending|ends?|runs?|valid|limit(?:ed)?|max|up to|budget|only|before|after|instead|too|also|as well|please|thanks?)\b)`;
const NOT_SCOPE = /^(?:first|next|1st|for|when|with|through|until|at|using|use|if|and|code|promo|in|during|this|now|your|the|our|a|an|orders?|purchases?|everything|it|them|each|every|per|total|instead|too|also|please|thanks?)\b/;
const WORDS = String.raw`[a-z][a-z0-9&'-]{0,30}(?:\s{1,3}(?:&\s{1,3})?[a-z0-9][a-z0-9&'-]{0,30}){0,5}?`;
const DETERMINER = String.raw`(?:(?:all|any|every|select(?:ed)?|the entire|our entire|entire|our|your|the|regular[- ]priced|full[- ]priced|in[- ]stock)\s{1,3})`;
const AFTER_OFF = rx("scope.AFTER_OFF", String.raw`\boff\s{1,3}(?:on\s{1,3}|of\s{1,3})?(${DETERMINER}?${WORDS})${STOP}`, "gi");
const ON_ALL = rx("scope.ON_ALL", String.raw`\b(?:on|across|for)\s{1,3}((?:all|any|every|select(?:ed)?|the entire|our entire)\s{1,3}${WORDS})${STOP}`, "gi");
const LEADING_DETERMINER = rx("scope.LEADING_DETERMINER", `^${DETERMINER}`);
const PEOPLE = /\b(?:customers?|members?|dealers?|shoppers?|users?|buyers?|students?|employees?|staff|people|visitors?|subscribers?|partners?|clients?|guests?|everyone)\b/;
const WHOLE_STORE = /^(?:sitewide|site-wide|storewide|store-wide|everything(?: in store)?|the whole store|entire store|entire order|your entire order)$/;

/** The product range the offer covers, as the marketer phrased it; null when not stated. */
export function findProductScope(text: string): string | null {
  const lower = text.toLowerCase();
  const whole = /\b(sitewide|site-wide|storewide|store-wide)\b/.exec(lower);
  for (const re of [AFTER_OFF, ON_ALL]) {
    for (const m of lower.matchAll(re)) {
      const phrase = m[1].trim().replace(/\s+/g, " ");
      const bare = phrase.replace(LEADING_DETERMINER, "");
      if (NOT_SCOPE.test(bare) && !/^(?:all|any|every|entire)\b/.test(phrase)) continue;
      if (PEOPLE.test(phrase) || /\d/.test(phrase) || /\b(?:promo(?:tion)?|sale|deal|offer|discount|campaign|coupon)s?$/.test(phrase)) continue;
      if (WHOLE_STORE.test(phrase)) return phrase;
      // Keep the determiner only when it carries meaning ("all equipment", "select jackets").
      const kept = /^(?:all|any|every|select(?:ed)?|entire|the entire|our entire|regular[- ]priced|full[- ]priced|in[- ]stock)\b/.test(phrase) ? phrase : bare;
      if (kept.length >= 3 && !/^(?:all|any|every|select(?:ed)?|entire|the entire|our entire)$/.test(kept)) return kept.slice(0, 200);
    }
  }
  return whole ? whole[1] : null;
}

const NOT_MERCHANT = /^(?:Black|Cyber|Christmas|Thanksgiving|Halloween|Easter|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Shopify|Wix|Marketplace|Hub|Checkout|The|Our|All|Q[1-4]|Use|Code)\b/;
const NAME = String.raw`([A-Z][\w&'.-]{0,30}(?:\s{1,3}(?:[A-Z][\w&'.-]{0,30}|&|of|and)){0,4})`;
const EXPLICIT_MERCHANT = rx("scope.EXPLICIT_MERCHANT", String.raw`\b(?:[Mm]erchant|[Rr]etailer|[Bb]rand|[Ss]tore name|[Bb]usiness)\s{0,3}(?:is|:|=|name\s{0,3}:?)\s{0,3}${NAME}`);
const AT_MERCHANT = rx("scope.AT_MERCHANT", String.raw`\b(?:at|from|for)\s{1,3}${NAME}(?:'s)?\s{1,3}(?:stores?|locations?|shops?|restaurants?|outlets?|branches|cafes?)\b`);

/** The merchant when the brief names one explicitly; never guessed from a brand-like word. */
export function findMerchant(text: string): string | null {
  const explicit = EXPLICIT_MERCHANT.exec(text);
  if (explicit && !NOT_MERCHANT.test(explicit[1])) return explicit[1].trim().slice(0, 200);
  const at = AT_MERCHANT.exec(text);
  if (at && !NOT_MERCHANT.test(at[1])) return at[1].trim().replace(/'s$/, "").slice(0, 200);
  return null;
}

import type { OfferDraft } from "../draft";
import { rx } from "./patterns";

// Who the offer is for, and what that implies for the program: a known list (dealers, members,
// employees) is closed loop, the public (everyone, marketplace, new customers) is open loop,
// both at once is hybrid. Segments are returned lower-case and plural, as the marketer names them.

type ProgramType = NonNullable<OfferDraft["programType"]>;

// Qualifiers that change who the segment is ("loyalty members" are not all members).
const MODIFIER = String.raw`(?:loyalty club|loyalty(?: program)?|loyal|club|rewards?(?: program)?|vip|gold(?: tier)?|platinum(?: tier)?|silver(?: tier)?|premium|paid|new|existing|current|returning|repeat|lapsed|inactive|dormant|first[- ]time|local|college|university|high school|grad(?:uate)?|active[- ]duty|retired|email|newsletter|sms|app|mobile|online|in-store|wholesale|trade|b2b|corporate|small business|frequent|top|high-value|registered)`;
const CLOSED_NOUNS = ["dealers", "members", "cardmembers", "employees", "staff", "partners", "franchisees", "resellers", "distributors", "cardholders", "subscribers", "affiliates", "agents", "brokers", "installers", "retailers", "contractors"];
const OPEN_NOUNS = ["shoppers", "consumers", "visitors"];
const OTHER_NOUNS = [
  "customers", "users", "buyers", "students", "teachers", "educators", "nurses", "doctors", "veterans", "seniors",
  "first responders", "healthcare workers", "military", "military families", "parents", "moms", "dads", "gamers",
  "homeowners", "small businesses", "businesses", "clients", "patients", "guests", "fans", "athletes", "golfers",
  "drivers", "riders", "travelers", "travellers", "diners", "pet owners", "millennials", "gen z", "kids", "families",
  "graduates", "grads", "influencers", "creators", "ambassadors", "alumni", "interns", "freelancers", "nonprofits",
  "schools", "churches", "landlords", "tenants", "renters", "farmers", "truckers", "mechanics", "technicians", "developers",
];
const NEEDS_MODIFIER = new Set(["customers", "users", "buyers", "clients", "guests", "shoppers", "visitors", "consumers", "businesses"]);
const NOUN = [...CLOSED_NOUNS, ...OPEN_NOUNS, ...OTHER_NOUNS].sort((a, b) => b.length - a.length).join("|");
const SEGMENT = rx("audience.SEGMENT", String.raw`\b(?:(${MODIFIER})\s{1,3})?(${NOUN})\b`, "gi");

const ATTRIBUTIVE = /\b(dealer|member|cardmember|employee|partner|franchisee|reseller|distributor|cardholder|subscriber)[- ](?:[a-z]+\s+){0,2}?(?:clearance|campaign|cash[- ]?back|promo(?:tion)?|program(?:me)?|offer|pricing|price|discount|kickoff|kick-off|sale|event|exclusive|appreciation|incentive|special|network|only|deal|rate|rewards?|perk|benefit)s?\b/gi;
const GROUP_ATTRIBUTIVE = /\b(student|veteran|teacher|senior|nurse|educator|military family|first responder|new[- ]customer|first[- ]time customer|newsletter subscriber)[- ](?:discount|offer|deal|special|pricing|price|promo(?:tion)?|exclusive|rate|sale)s?\b/gi;
const CLOSED_CUES = /\b(?:(?:member|customer|dealer|email|contact|subscriber)\s+list|our list|uploaded list|list of (?:our )?\w+|closed[- ]loop|invite[- ]only|exclusive(?:ly)?\s+(?:to|for)|members?[- ]only|private (?:offer|sale|promotion)|enrolled|known (?:list|members|customers))\b/i;
const OPEN_CUES = /\b(?:public|general public|everyone|everybody|anyone|anybody|all (?:customers|shoppers|consumers|visitors|buyers)|open to all|open[- ]loop|marketplace|walk[- ]?ins?|new customers|first[- ]time (?:customers|buyers|shoppers))\b/i;

/** Lower-case audience segments in order of mention; null when the brief names none. */
export function findAudience(text: string): string[] | null {
  const out: string[] = [];
  for (const m of text.matchAll(SEGMENT)) {
    const noun = m[2].toLowerCase();
    const mod = m[1]?.toLowerCase().replace(/ program$/, "").replace(/\s+/g, " ");
    if (NEEDS_MODIFIER.has(noun) && !mod) continue;
    // "3 per member" is a limit, not an audience; plural nouns only (handled by the noun list).
    const label = mod ? `${mod} ${noun}` : noun;
    if (!out.includes(label)) out.push(label);
  }
  // "dealer promo", "member pricing": a singular closed-list noun used as an adjective names the list.
  for (const m of text.matchAll(ATTRIBUTIVE)) {
    const label = `${m[1].toLowerCase()}s`;
    if (!out.some((o) => o === label || o.endsWith(` ${label}`))) out.push(label);
  }
  // "student discount", "new-customer offer": the group named as an adjective.
  for (const m of text.matchAll(GROUP_ATTRIBUTIVE)) {
    const label = `${m[1].toLowerCase().replace(/[- ]+/g, " ")}s`;
    if (!out.some((o) => o === label || o.endsWith(` ${label}`))) out.push(label);
  }
  // "our fleet customers": the marketer's own name for a customer segment.
  for (const m of text.matchAll(/\bour\s+([a-z]+)\s+(customers|clients|accounts|buyers)\b/gi)) {
    const label = `${m[1]} ${m[2]}`.toLowerCase();
    if (!/^(?:own|best|many|all|new|existing|loyal|top|valued|other|current|online|regular)$/i.test(m[1]) && !out.includes(label)) out.push(label);
  }
  // "members" after "loyalty members" is the same people named twice.
  const pruned = out.filter((s) => !out.some((o) => o !== s && o.endsWith(` ${s}`)));
  return pruned.length ? pruned : null;
}

/** Program type from who is targeted; null when the brief gives no cue either way. */
export function findProgramType(text: string, audience: string[] | null): ProgramType | null {
  if (/\bhybrid\b/i.test(text)) return "hybrid";
  const closed = CLOSED_CUES.test(text) || (audience ?? []).some((a) => {
    const noun = CLOSED_NOUNS.find((n) => a === n || a.endsWith(` ${n}`));
    return noun !== undefined || /^(?:loyalty|rewards?|vip|existing|current|registered) /.test(a);
  });
  const open = OPEN_CUES.test(text) || (audience ?? []).some((a) => /^(?:new|first[- ]time) /.test(a)) || (audience ?? []).some((a) => OPEN_NOUNS.includes(a.split(" ").pop()!) && !/^(?:loyalty|rewards?|vip|existing) /.test(a));
  if (closed && open) return "hybrid";
  if (closed) return "closed_loop";
  if (open) return "open_loop";
  return null;
}

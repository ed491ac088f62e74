import { Uuid } from "@/core/primitives";
import { MAX_LOCATION_RESTRICTIONS } from "@/tools/offers/control-schemas";

// The offer page's "Allowed locations" field: the text a person types (ids between commas or on lines) read
// the way the redemption-controls tool will read it — trimmed, deduplicated, checked against the same schema.

/** One of the tenant's locations, as the editor offers it: its id and the words a person knows it by. */
export type LocationChoice = { location_id: string; label: string };

export type LocationList = { ids: string[]; error: string | null };

/** The length of a location id (a UUID); anything longer cannot be one. */
const ID_LENGTH = 36;

const quoted = (xs: string[]) => xs.slice(0, 3).map((x) => `"${x.length > 40 ? `${x.slice(0, 40)}…` : x}"`).join(", ")
  + (xs.length > 3 ? ` and ${xs.length - 3} more` : "");

/** Splits on commas, semicolons, spaces or new lines; trims; drops blanks and repeats (why: the tool dedupes too). */
export function splitLocationIds(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((s) => s.trim()).filter((s) => s.length > 0))];
}

/**
 * The ids the text lists and, when the tool would refuse them, why in plain words (why: say it before the save,
 * next to the field, instead of a 400 after it). Whether each id is one of the tenant's locations is the tool's check.
 */
export function parseLocationList(text: string): LocationList {
  const ids = splitLocationIds(text);
  const long = ids.filter((id) => id.length > ID_LENGTH);
  if (long.length) {
    return { ids, error: `${quoted(long)} ${long.length === 1 ? "is" : "are"} too long for a location id (ids are ${ID_LENGTH} characters).` };
  }
  const bad = ids.filter((id) => !Uuid.safeParse(id).success);
  if (bad.length) {
    const which = bad.length === 1 ? "is not a location id" : "are not location ids";
    return { ids, error: `${quoted(bad)} ${which}. Add locations from “Your locations”, or paste their ids.` };
  }
  if (ids.length > MAX_LOCATION_RESTRICTIONS) {
    return { ids, error: `At most ${MAX_LOCATION_RESTRICTIONS} locations; this lists ${ids.length}.` };
  }
  return { ids, error: null };
}

/** The tool's "no such location <id>" in words for the field (why: the id is the person's, the wording ours). */
export function unknownLocationWords(message: string): string {
  const m = /no such location (\S+)/.exec(message);
  return m ? `"${m[1]}" is not one of your locations.` : message;
}

type MerchantLike = { merchant_name: string; locations: { location_id: string; address_line1: string | null; city: string | null }[] };

/** Every location of the tenant's merchants, labelled "Merchant — address, city" (why: people don't read UUIDs). */
export function locationChoices(merchants: MerchantLike[]): LocationChoice[] {
  return merchants.flatMap((m) => m.locations.map((l) => ({
    location_id: l.location_id,
    label: [m.merchant_name, [l.address_line1, l.city].filter(Boolean).join(", ")].filter(Boolean).join(" — "),
  })));
}

import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { locationChoices, parseLocationList, unknownLocationWords } from "@/lib/ui/location-list";
import { CreateControlInput, MAX_LOCATION_RESTRICTIONS } from "@/tools/offers/control-schemas";

// The offer page's "Allowed locations" field reads its text as the redemption-controls tool will: what it
// accepts, the tool's schema accepts; what it refuses, it says in plain words before the save.

const a = randomUUID();
const b = randomUUID();

describe("parseLocationList", () => {
  it("trims, splits on commas and lines, drops blanks and repeats; the tool's schema accepts the result", () => {
    const got = parseLocationList(` ${a} ,\n\n${b};${a}, `);
    expect(got).toEqual({ ids: [a, b], error: null });
    expect(CreateControlInput.safeParse({ location_restrictions: got.ids }).success).toBe(true);
    expect(parseLocationList("  \n , ")).toEqual({ ids: [], error: null });
  });

  it("refuses what is not a location id, naming it", () => {
    const got = parseLocationList(`store-1, ${a}`);
    expect(got.error).toBe("\"store-1\" is not a location id. Add locations from “Your locations”, or paste their ids.");
    expect(CreateControlInput.safeParse({ location_restrictions: got.ids }).success).toBe(false);
    expect(parseLocationList("x, y").error).toMatch(/^"x", "y" are not location ids\./);
  });

  it("refuses an overlong id before anything else, shortened in the message", () => {
    const long = `${a}${"0".repeat(80)}`;
    const got = parseLocationList(long);
    expect(got.error).toMatch(/too long for a location id \(ids are 36 characters\)/);
    expect(got.error!.length).toBeLessThan(120);
  });

  it("refuses more locations than the tool's schema allows, and accepts exactly that many", () => {
    const ids = Array.from({ length: MAX_LOCATION_RESTRICTIONS }, () => randomUUID());
    expect(parseLocationList(ids.join(",")).error).toBeNull();
    expect(CreateControlInput.safeParse({ location_restrictions: ids }).success).toBe(true);
    const over = [...ids, randomUUID()];
    expect(parseLocationList(over.join(",")).error).toBe(`At most ${MAX_LOCATION_RESTRICTIONS} locations; this lists ${over.length}.`);
    expect(CreateControlInput.safeParse({ location_restrictions: over }).success).toBe(false);
  });
});

describe("words and labels", () => {
  it("says the tool's unknown location in words, and passes other messages through", () => {
    expect(unknownLocationWords(`no such location ${a}`)).toBe(`"${a}" is not one of your locations.`);
    expect(unknownLocationWords("must be a number")).toBe("must be a number");
  });

  it("labels every merchant location by merchant, address and city", () => {
    const got = locationChoices([
      { merchant_name: "Harbor", locations: [{ location_id: a, address_line1: "1 Pier St", city: "Seattle" }, { location_id: b, address_line1: null, city: null }] },
    ]);
    expect(got).toEqual([{ location_id: a, label: "Harbor — 1 Pier St, Seattle" }, { location_id: b, label: "Harbor" }]);
  });
});

// The one place the planner builds a regex from a string. Every pattern made here is registered by
// name, so tests/planner-redos.test.ts can put each one (with every regex literal in the planner's
// source) through a ReDoS checker. Build patterns at module level only: importing the planner then
// registers all of them, and the test counts call sites against the registry.

const REGISTRY = new Map<string, RegExp>();

/** Builds a named planner regex and records it for the ReDoS test; module level only. */
export function rx(name: string, source: string, flags = ""): RegExp {
  const re = new RegExp(source, flags);
  REGISTRY.set(name, re);
  return re;
}

/** Every pattern built through rx, by name: what the ReDoS test checks besides the literals. */
export function registeredPatterns(): ReadonlyMap<string, RegExp> {
  return REGISTRY;
}

/** A global copy of a checked pattern (same source, so the same verdict) for matchAll/replace loops. */
export function globalCopy(re: RegExp): RegExp {
  return new RegExp(re.source, re.flags.includes("g") ? re.flags : `${re.flags}g`);
}

// The governance core: pure decisions, no I/O. Validate, redeem, code create/update and the agent's
// proposal check all import from here, so each rule exists once.
export * from "./types";
export * from "./reasons";
export * from "./policy-range";
export * from "./kpi-floors";
export * from "./code-state";
export * from "./minimum-order";
export * from "./usage-limits";
export * from "./discount-amount";
export * from "./budget-period";
export * from "./budget-headroom";
export * from "./eligibility";
export * from "./decide-redemption";
export * from "./decide-code-terms";
export * from "./evaluate-proposal";
export * from "./counters";

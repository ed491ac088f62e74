// The whole product's schema; drizzle-kit generates migrations from this barrel.
export * from "./tenancy";
export * from "./offers";
export * from "./discounts";
export * from "./agent";

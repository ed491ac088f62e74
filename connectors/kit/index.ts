// The connector kit: everything a platform connector needs to talk to the governance core, and nothing
// from inside it (it imports no core/, tools/, db/ or agent/ code; the types are generated from
// /api/openapi.json by `npm run connector:kit:generate`).
export { createCoreClient, type CoreClient, type CoreClientOptions } from "./client";
export type { Code, IssueCodeInput, Redemption, RedeemInput, Reservation, ReserveInput, Validation, ValidateInput, KpiInput } from "./client";
export { CoreError, GovernanceError, GOVERNANCE_CODES, type GovernanceCode, isGovernanceError } from "./errors";
export { checkoutReservationKey, orderRedemptionKey, type OrderCodeRef } from "./idempotency";
export { type DeliveryInbox, JsonFile, MemoryInbox } from "./inbox";
export { backoffDelay, type RetryOptions, retryingFetch, retryableStatus } from "./retry";
export { signBody, verifyHmacSignature } from "./webhooks";
export type { components, operations, paths } from "./openapi";

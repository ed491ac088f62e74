import createClient from "openapi-fetch";
import { CoreError, errorFrom } from "./errors";
import type { operations, paths } from "./openapi";
import { type RetryOptions, retryingFetch } from "./retry";

// The connector kit's client: openapi-fetch over the generated types, a bearer key, retries, and
// one helper per call a connector makes. Every refusal is thrown as a CoreError/GovernanceError.

type JsonBody<Op> = Op extends { requestBody?: { content: { "application/json": infer B } } } ? B : never;
type Ok<Op, S extends number> = Op extends { responses: { [K in S]: { content: { "application/json": infer R } } } } ? R : never;
type Query<Op> = Op extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type IssueCodeInput = JsonBody<operations["post_create_discount_code"]>;
export type Code = Ok<operations["post_create_discount_code"], 201>;
export type CodeList = Ok<operations["get_list_discount_codes"], 200>;
export type ValidateInput = JsonBody<operations["post_validate_discount_code"]>;
export type Validation = Ok<operations["post_validate_discount_code"], 200>;
export type RedeemInput = JsonBody<operations["post_redeem_discount_code"]>;
export type Redemption = Ok<operations["post_redeem_discount_code"], 201>;
export type VoidResult = Ok<operations["post_void_redemption"], 201>;
export type RedemptionList = Ok<operations["get_list_redemptions"], 200>;
export type KpiInput = JsonBody<operations["post_record_kpi_snapshot"]>;
export type KpiSnapshot = Ok<operations["post_record_kpi_snapshot"], 201>;
export type ReserveInput = JsonBody<operations["post_reserve_discount_code"]>;
export type Reservation = Ok<operations["post_reserve_discount_code"], 201>;

/** How to reach the core. */
export type CoreClientOptions = {
  /** The core's base URL, e.g. http://127.0.0.1:3000 (OFFER_COPILOT_URL). */
  baseUrl: string;
  /** A connector key (OFFER_COPILOT_API_KEY). */
  apiKey: string;
  /** Injected transport, e.g. for tests; defaults to global fetch. */
  fetch?: (req: Request) => Promise<Response>;
  retry?: RetryOptions;
};

type Answer<T> = { data?: T; error?: unknown; response: Response };

/** Resolves an openapi-fetch answer to its data, or throws the typed error; network failures are status 0. */
async function unwrap<T>(call: Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await call;
  } catch (err) {
    throw new CoreError(0, "unreachable", `The core could not be reached: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!answer.response.ok) throw errorFrom(answer.response.status, answer.error);
  return answer.data as T;
}

/** The typed client plus the calls every connector needs, named after what they do. */
export function createCoreClient(opts: CoreClientOptions) {
  const base = opts.fetch ?? ((req: Request) => globalThis.fetch(req));
  const api = createClient<paths>({
    baseUrl: opts.baseUrl.replace(/\/$/, ""),
    headers: { authorization: `Bearer ${opts.apiKey}` },
    fetch: retryingFetch(base, opts.retry),
  });
  return {
    /** The raw openapi-fetch client, for any path the helpers do not cover. */
    api,
    /** Asks the core to issue a code on a surface; 422 policy_violation when the policy forbids it. */
    issueCode: (body: IssueCodeInput) => unwrap<Code>(api.POST("/dashboard/promo-codes", { body })),
    /** One code by id. */
    getCode: (codeId: string) =>
      unwrap<Code>(api.GET("/dashboard/promo-codes/{code_id}", { params: { path: { code_id: codeId } } })),
    /** One page of the tenant's codes (limit ≤ 100). */
    listCodes: (query: Query<operations["get_list_discount_codes"]> = {}) =>
      unwrap<CodeList>(api.GET("/dashboard/promo-codes", { params: { query } })),
    /** Would this code apply to this cart? No side effects; reasons carry §2.4 codes. */
    validate: (body: ValidateInput) => unwrap<Validation>(api.POST("/dashboard/promo-codes/validate", { body })),
    /** Spends one use; the key makes retries and duplicate deliveries converge on one redemption. */
    redeem: (body: RedeemInput, opts: { idempotencyKey: string }) => {
      if (!opts.idempotencyKey) throw new CoreError(400, "invalid_input", "redeem needs an Idempotency-Key");
      const params = { header: { "Idempotency-Key": opts.idempotencyKey } };
      return unwrap<Redemption>(api.POST("/dashboard/promo-codes/redeem", { params, body }));
    },
    /** Holds one use and its cents for a checkout (CONTRACT §8); redeem with `reservation_id` consumes it. */
    reserve: (body: ReserveInput, opts: { idempotencyKey: string }) => {
      if (!opts.idempotencyKey) throw new CoreError(400, "invalid_input", "reserve needs an Idempotency-Key");
      const params = { header: { "Idempotency-Key": opts.idempotencyKey } };
      return unwrap<Reservation>(api.POST("/dashboard/promo-codes/reserve", { params, body }));
    },
    /** Releases a hold (abandoned checkout); releasing twice is fine, a consumed hold is 409. */
    release: (reservationId: string) =>
      unwrap<undefined>(api.DELETE("/dashboard/reservations/{reservation_id}", {
        params: { path: { reservation_id: reservationId } },
      })),
    /** Gives a redemption's money back with a compensating ledger entry; 409 already_voided on a second void. */
    void: (redemptionId: string, reason?: string) =>
      unwrap<VoidResult>(api.POST("/dashboard/redemptions/{redemption_id}/void", {
        params: { path: { redemption_id: redemptionId } }, body: reason ? { reason } : {},
      })),
    /** One page of the ledger. */
    listRedemptions: (query: Query<operations["get_list_redemptions"]> = {}) =>
      unwrap<RedemptionList>(api.GET("/dashboard/redemptions", { params: { query } })),
    /** Records a KPI reading the floors are judged on (connectors: on one of their surfaces). */
    pushKpi: (body: KpiInput) => unwrap<KpiSnapshot>(api.POST("/api/kpi-snapshots", { body })),
  };
}

export type CoreClient = ReturnType<typeof createCoreClient>;

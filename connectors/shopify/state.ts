import { JsonFile } from "../kit";

// The connector's own memory, persisted as one JSON file: which core code became which Shopify discount
// (so a restart resumes instead of creating duplicates), what each order redeemed (so a cancel or
// refund can void it), and the governance breaches it saw. Updates are serialised in-process.

/** Sync state of one core code on Shopify. */
export type CodeSync = {
  /** The code's text, for logs and for matching Shopify's discounts. */
  promo_code: string;
  /** The DiscountCodeNode id once created or adopted; deactivation needs it. */
  shopify_id: string | null;
  /** pushed: live in Shopify; deactivated: stopped there; error: Shopify refused it (retried next pass). */
  state: "pushed" | "deactivated" | "error";
  /** The last Shopify refusal (userErrors), kept so an operator sees why a code is not live. */
  error: string | null;
  /** When this entry last changed. */
  updated_at: string;
};

/** What the connector knows about one Shopify order. */
export type OrderState = {
  /** The order's subtotal (CONTRACT §10's order_total_cents) and total, in cents. */
  subtotal_cents: number;
  total_cents: number;
  /** Refunds seen so far; a full refund voids the order's redemptions. */
  refunded_cents: number;
  /** Discount Shopify applied (from discount_codes[].amount), for the KPI feed. */
  discount_cents: number;
  /** Cancelled (possibly before its create arrived: a tombstone that stops a later redeem). */
  cancelled: boolean;
  /** Whether orders/create was seen (a cancel can arrive first). */
  created: boolean;
  /** Per code on the order: the core's redemption, so a cancel or refund can void it. */
  redemptions: Record<string, { redemption_id: string; discount_cents: number; voided: boolean }>;
};

/** A discount Shopify applied that the core refused: money spent outside governance. */
export type Breach = { at: string; order_id: string; promo_code: string; code: string; message: string; customer_id: string };

export type ConnectorState = {
  /** Sync state per core code_id. */
  codes: Record<string, CodeSync>;
  /** What each Shopify order redeemed, by order id. */
  orders: Record<string, OrderState>;
  /** Discounts Shopify applied that the core refused, oldest first. */
  breaches: Breach[];
  /** Reservations held per checkout token and code, for the order that completes the checkout. */
  checkouts?: Record<string, Record<string, string>>;
};

const empty = (): ConnectorState => ({ codes: {}, orders: {}, breaches: [] });

/** Loaded once, updated through `update` one change at a time, written after each change. */
export class StateStore {
  private readonly file: JsonFile<ConnectorState> | null;
  private state: ConnectorState | null = null;
  private chain: Promise<unknown> = Promise.resolve();

  /** `file` null keeps state in memory only (tests, dry runs). */
  constructor(file: string | null) {
    this.file = file ? new JsonFile(file, empty) : null;
  }

  /** A read-only snapshot of the current state. */
  async read(): Promise<ConnectorState> {
    this.state ??= this.file ? await this.file.read() : empty();
    return this.state;
  }

  /** Applies `fn` to the state after every earlier update finished, then persists it. */
  update<T>(fn: (s: ConnectorState) => T | Promise<T>): Promise<T> {
    const run = this.chain.then(async () => {
      const s = await this.read();
      const out = await fn(s);
      await this.file?.write(s);
      return out;
    });
    this.chain = run.catch(() => {});
    return run;
  }
}

/** The order's entry, created empty on first sight. */
export function orderEntry(s: ConnectorState, orderId: string): OrderState {
  return (s.orders[orderId] ??= {
    subtotal_cents: 0, total_cents: 0, refunded_cents: 0, discount_cents: 0, cancelled: false, created: false, redemptions: {},
  });
}

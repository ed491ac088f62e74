import type { IssuerType, Role } from "@/core/auth/permissions";
import { AppError } from "@/core/errors";
import type { Database, IsolationLevel, Tx } from "@/db/database";

/** Who is calling: decided by the API key, never by a request body. */
export type Caller = {
  /** null only for the platform key, which belongs to no tenant. */
  tenantId: string | null;
  role: Role;
  /** Recorded on every code, ledger row and audit entry the call causes. */
  apiKeyId: string | null;
  provider: string | null;
  issuerType: IssuerType;
  /** A connector key's surfaces (CONTRACT §6); absent or null means [provider]. Ignored for other roles. */
  surfaces?: readonly string[] | null;
};

/** Everything a tool may touch; transports build it, tests build it with a test database and clock. */
export type ToolContext = {
  caller: Caller;
  db: Database;
  /** Injected clock so governance (dates, KPI freshness, budget periods) is testable. */
  now: () => Date;
};

/** The caller's tenant, or a clear error when a tenant-less (platform) key calls a tenant tool. */
export function requireTenant(ctx: ToolContext): string {
  if (!ctx.caller.tenantId) {
    throw new AppError("forbidden", "This operation needs a tenant key; the platform key belongs to no tenant");
  }
  return ctx.caller.tenantId;
}

/** Runs fn in the caller's tenant transaction: RLS scopes every query in it. */
export function tenantTx<T>(ctx: ToolContext, fn: (tx: Tx, tenantId: string) => Promise<T>, opts?: { isolationLevel?: IsolationLevel }): Promise<T> {
  const tenantId = requireTenant(ctx);
  return ctx.db.withTenant(tenantId, (tx) => fn(tx, tenantId), opts);
}

import type { Database } from "@/db/database";
import { ROUTES } from "@/tools";
import { createHttpHandler } from "@/tools/transports/http";

export const TEST_PLATFORM_KEY = "ocp_test_platform_key_0123456789abcdef";
const handle = createHttpHandler(ROUTES);

export type ApiResponse = { status: number; body: any; headers: Headers };

/**
 * Calls the real REST handler (the same one Next mounts) in-process: real auth, parsing, tools and
 * database, no HTTP server. `rawBody` sends bytes as-is (malformed JSON tests).
 */
export function apiClient(db: Database, opts: { now?: () => Date } = {}) {
  return async function call(
    method: string,
    path: string,
    req: { key?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...(req.headers ?? {}) };
    if (req.key) headers.authorization = `Bearer ${req.key}`;
    let body: string | undefined;
    if (req.rawBody !== undefined) body = req.rawBody;
    else if (req.body !== undefined) {
      body = JSON.stringify(req.body);
      headers["content-type"] ??= "application/json";
    }
    const res = await handle(new Request(`http://test.local${path}`, { method, headers, body }), {
      db,
      now: opts.now ?? (() => new Date()),
      platformKey: TEST_PLATFORM_KEY,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
  };
}

import { AppError } from "@/core/errors";

// Request bodies are bounded while they stream in (CONTRACT §7): a lying or absent Content-Length cannot
// make the server buffer more than the limit, because counting happens on the bytes actually received.

/** JSON bodies: REST, MCP and the CopilotKit endpoint. */
export const JSON_BODY_LIMIT = 1024 * 1024;
/** CSV and multipart uploads (customer lists, bulk files). */
export const UPLOAD_BODY_LIMIT = 10 * 1024 * 1024;

/** The one 413 every transport answers with. */
export function payloadTooLarge(limit: number): AppError {
  return new AppError("payload_too_large", `The request body is over the ${limit / (1024 * 1024)} MiB limit for this endpoint.`, {
    limit_bytes: limit,
  });
}

/** Reads a body stream into bytes, failing as soon as more than `limit` bytes have arrived. */
export async function readLimitedBytes(
  body: ReadableStream<Uint8Array> | null,
  limit: number,
  declared?: string | null,
): Promise<Uint8Array<ArrayBuffer>> {
  if (declared && Number(declared) > limit) throw payloadTooLarge(limit);
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw payloadTooLarge(limit);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** A request's text, bounded by `limit`. */
export async function readLimitedText(req: Request, limit: number): Promise<string> {
  return new TextDecoder().decode(await readLimitedBytes(req.body, limit, req.headers.get("content-length")));
}

/** The same request with its body read (within `limit`) and held in memory, for handlers that read it again. */
export async function withBoundedBody(req: Request, limit: number): Promise<Request> {
  if (req.method === "GET" || req.method === "HEAD") return req;
  const bytes = await readLimitedBytes(req.body, limit, req.headers.get("content-length"));
  const headers = new Headers(req.headers);
  headers.delete("content-length");
  headers.delete("transfer-encoding");
  return new Request(req.url, { method: req.method, headers, body: bytes.byteLength ? bytes : undefined, signal: req.signal });
}

import http from "node:http";
import type { AddressInfo } from "node:net";

/** A running loopback server; `url` has no trailing slash. */
export type Served = { url: string; close: () => Promise<void> };

/** Node request → web Request, body read in full (test servers only). */
async function toRequest(req: http.IncomingMessage): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(", ") : v);
  const body = chunks.length && req.method !== "GET" && req.method !== "HEAD" ? Buffer.concat(chunks) : undefined;
  return new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, body });
}

/**
 * Serves a fetch-style handler on 127.0.0.1 (port 0), so tests reach our real handlers over real HTTP
 * with clients written by others (the MCP SDK, the inspector CLI, the connector kit).
 */
export async function serveFetch(handler: (req: Request) => Promise<Response>): Promise<Served> {
  const server = http.createServer(async (req, res) => {
    try {
      const response = await handler(await toRequest(req));
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (err) {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { code: "internal", message: String(err), details: {} } }));
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}

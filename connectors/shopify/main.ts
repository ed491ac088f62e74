// npm run connector:shopify            — the connector's server (webhooks, health, sync and KPI schedules)
// npm run connector:shopify -- reconcile — prints the drift between the core's ledger and Shopify as JSON
import { createServer } from "node:http";
import { configFromEnv } from "./config";
import { createShopifyConnector } from "./connector";

/** Node request → fetch Request (the raw body is kept byte for byte: the HMAC is over it). */
async function toRequest(req: import("node:http").IncomingMessage): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(", ") : v);
  const body = req.method === "GET" || req.method === "HEAD" ? undefined : Buffer.concat(chunks);
  return new Request(`http://connector${req.url}`, { method: req.method, headers, body });
}

async function main() {
  const cfg = configFromEnv();
  const connector = createShopifyConnector(cfg);
  if (process.argv.includes("reconcile")) {
    console.log(JSON.stringify(await connector.reconcile(), null, 2));
    return;
  }
  const server = createServer(async (req, res) => {
    const answer = await connector.handle(await toRequest(req));
    res.writeHead(answer.status, Object.fromEntries(answer.headers));
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((r) => server.listen(cfg.port, r));
  console.log(`[connector:shopify] listening on :${cfg.port} for ${cfg.shop}; core ${cfg.coreUrl}`);
  connector.start();
  const stop = () => {
    connector.stop();
    server.close(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e: unknown) => {
  console.error(`connector:shopify: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});

import { getAppDeps } from "@/tools/transports/deps";
import { errorResponse } from "@/tools/transports/http-errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** 200 once the database is open and migrated (CONTRACT §0). */
export async function GET() {
  try {
    await getAppDeps();
    return Response.json({ status: "ok" });
  } catch (err) {
    console.error("[health]", err);
    return errorResponse(err);
  }
}

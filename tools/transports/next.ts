import { ROUTES } from "../index";
import { getAppDeps } from "./deps";
import { createHttpHandler } from "./http";
import { errorResponse } from "./http-errors";

const handle = createHttpHandler(ROUTES);

/** The Next.js route handler behind every REST path (app/api/[...path], app/dashboard/[...path]). */
export async function nextRestHandler(req: Request): Promise<Response> {
  try {
    return await handle(req, await getAppDeps());
  } catch (err) {
    console.error("[rest]", err);
    return errorResponse(err);
  }
}

import { nextRestHandler } from "@/tools/transports/next";

// Thin: every REST path is dispatched through the one route table in tools/.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export { nextRestHandler as GET, nextRestHandler as POST, nextRestHandler as PUT, nextRestHandler as DELETE };

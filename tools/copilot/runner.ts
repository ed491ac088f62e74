import type { z } from "zod";
import { issuerFor } from "@/core/auth/permissions";
import type { Database } from "@/db/database";
import type { Caller } from "../context";
import { runTool, type Tool } from "../registry";

// How the agent acts: every read and write is a tool run as the signed-in caller, issued as "agent".
// The runner closes over the database, so the agent's dependencies hold no database handle.

/** Runs one tool as `caller` (why: nodes name the tool and input, never a connection). */
export type ToolRunner = <I extends z.ZodType, O extends z.ZodType>(tool: Tool<I, O>, input: unknown, caller: Caller) => Promise<z.output<O>>;

/** The runner over the app's database and clock; connectors keep their issuer, people issue as "agent". */
export function toolRunner(db: Database, now: () => Date): ToolRunner {
  return (tool, input, caller) => {
    return runTool(tool, input, { db, now, caller: { ...caller, issuerType: issuerFor(caller.role, true) } });
  };
}

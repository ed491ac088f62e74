import { and, count, desc, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { conflict, notFound } from "@/core/errors";
import type { Tx } from "@/db/database";
import { programCampaigns, programs } from "@/db/schema";
import { tenantTx } from "../context";
import { loadOr404, paginate } from "../crud";
import { defineTool } from "../registry";
import { iso } from "./common-schemas";
import { campaignPage } from "./campaign-store";
import {
  CampaignListOutput, CreateProgramInput, ListProgramsInput, ProgramCampaignsInput, ProgramIdInput, ProgramListOutput,
  ProgramOutput, UpdateProgramInput,
} from "./program-schemas";

// CRUD of programs (/dashboard/programs) and their campaign listing.

const toOutput = (r: typeof programs.$inferSelect) => ({ ...r, created_at: iso(r.created_at)!, updated_at: iso(r.updated_at)! });

/** One program of the caller's tenant, or 404. */
export function loadProgram(tx: Tx, programId: string) {
  return loadOr404(tx, programs, eq(programs.program_id, programId), "Program");
}

export const listPrograms = defineTool({
  name: "list_programs",
  description: "List programs (closed_loop, open_loop, hybrid).",
  input: ListProgramsInput,
  output: ProgramListOutput,
  permission: "offers.read",
  execute: (input, ctx) =>
    tenantTx(ctx, async (tx) => {
      const conds: SQL[] = input.program_type ? [eq(programs.program_type, input.program_type)] : [];
      return paginate(tx, {
        table: programs, where: and(...conds), orderBy: [desc(programs.created_at), desc(programs.program_id)], page: input, key: "programs", map: toOutput,
      });
    }),
});

export const createProgram = defineTool({
  name: "create_program",
  description: "Create a program.",
  input: CreateProgramInput,
  output: ProgramOutput,
  permission: "offers.write",
  execute: (input, ctx) =>
    tenantTx(ctx, async (tx, tenantId) => toOutput((await tx.insert(programs).values({ tenant_id: tenantId, ...input }).returning())[0])),
});

export const getProgram = defineTool({
  name: "get_program",
  description: "Read one program.",
  input: ProgramIdInput,
  output: ProgramOutput,
  permission: "offers.read",
  execute: (input, ctx) => tenantTx(ctx, async (tx) => toOutput(await loadProgram(tx, input.program_id))),
});

export const updateProgram = defineTool({
  name: "update_program",
  description: "Update a program (partial).",
  input: UpdateProgramInput,
  output: ProgramOutput,
  permission: "offers.write",
  execute: (input, ctx) =>
    tenantTx(ctx, async (tx) => {
      const { program_id, ...fields } = input;
      const [row] = await tx.update(programs).set({ ...fields, updated_at: sql`now()` }).where(eq(programs.program_id, program_id)).returning();
      if (!row) throw notFound("Program");
      return toOutput(row);
    }),
});

export const deleteProgram = defineTool({
  name: "delete_program",
  description: "Delete a program; refused (409) while it still has campaigns.",
  input: ProgramIdInput,
  output: z.object({}),
  permission: "offers.write",
  execute: (input, ctx) =>
    tenantTx(ctx, async (tx) => {
      await loadProgram(tx, input.program_id);
      const [{ n }] = await tx.select({ n: count() }).from(programCampaigns).where(eq(programCampaigns.program_id, input.program_id));
      if (Number(n) > 0) throw conflict(`The program still has ${n} campaign(s); delete or move them first`, { campaign_count: Number(n) });
      await tx.delete(programs).where(eq(programs.program_id, input.program_id));
      return {};
    }),
});

export const listProgramCampaigns = defineTool({
  name: "list_program_campaigns",
  description: "List the campaigns of one program.",
  input: ProgramCampaignsInput,
  output: CampaignListOutput,
  permission: "offers.read",
  execute: (input, ctx) =>
    tenantTx(ctx, async (tx) => {
      await loadProgram(tx, input.program_id);
      return campaignPage(tx, [eq(programCampaigns.program_id, input.program_id)], input.limit, input.offset);
    }),
});

import { z } from "zod";
import { can } from "@/core/auth/permissions";
import { AppError, REJECTION_CODES } from "@/core/errors";
import { IsoDate } from "@/core/primitives";
import type { AgentDeps } from "@/agent/config";
import { OfferDraftSchema } from "@/agent/draft";
import { createDraftModel, type DraftModel } from "@/agent/model";
import { createOfferInput } from "@/agent/nodes/commit";
import { createPlanner, reasonsOf } from "@/agent/plan";
import { ValidationSchema } from "@/agent/state";
import { loadDraftFacts, validateDraft } from "@/agent/validate";
import type { Database } from "@/db/database";
import { toolByName } from "@/tools";
import { requireTenant } from "@/tools/context";
import { ForecastOutput, toolRunner } from "@/tools/copilot";
import { defineTool, type Tool } from "@/tools/registry";

// The copilot's plan-and-validate and its confirm, as two MCP tools for admin and marketer keys.
// They live at the app layer because they run the agent; tools/ never imports agent/.

const DraftOfferInput = z.object({
  brief: z.string().min(1).max(4000).describe("The offer brief in plain words, as a marketer would type it"),
  today: IsoDate.optional().describe("The day dates are judged against; defaults to the server's UTC date"),
}).strict();

const DraftOfferOutput = z.object({
  draft: OfferDraftSchema,
  validation: ValidationSchema.extend({ reasons: z.array(z.object({ code: z.string(), message: z.string() })) }),
  forecast: ForecastOutput.nullable().describe("Pre-launch forecast: redemptions, spend, burn by day; null until type, value and dates are set"),
});

const CommitInput = z.object({
  draft: OfferDraftSchema.describe("A draft from draft_offer, edited or not; it is validated again before saving"),
  campaign_id: z.string().uuid().optional().describe("Link to this existing campaign instead of creating one"),
}).strict();

const CommitOutput = z.object({
  offer_id: z.string(),
  offer_status: z.string().describe("active when an admin confirmed; draft when a marketer did (an admin approves it)"),
  code_id: z.string().nullable(),
  promo_code: z.string().nullable(),
  campaign_id: z.string().nullable(),
});

type CreatedOffer = { offer_id: string; offer_status: string; promo_codes: { code_id: string; promo_code: string }[]; campaign_ids: string[] };

/** One compiled planner per database: building the graph per MCP request would be wasted work. */
const planners = new WeakMap<object, ReturnType<typeof createPlanner>>();

/** The planner for these dependencies, compiled on first use. */
function plannerFor(db: Database, deps: AgentDeps): ReturnType<typeof createPlanner> {
  let p = planners.get(db);
  if (!p) planners.set(db, (p = createPlanner(deps)));
  return p;
}

/** A verdict that blocks saving, as the error a model can read: the first §2.4 code, else invalid_input. */
function blockedError(v: z.infer<typeof ValidationSchema>): AppError {
  const reasons = [...reasonsOf(v), ...v.questions.map((q) => ({ code: "missing_field", message: q.question }))];
  const gov = v.issues.find((i) => (REJECTION_CODES as readonly string[]).includes(i.code));
  const code = (gov?.code ?? "invalid_input") as "invalid_input";
  return new AppError(code, `Nothing was saved: ${reasons.map((r) => r.message).join(" ")}`, { reasons });
}

/** draft_offer and commit_offer_draft bound to the app's database, model and clock. */
export function agentMcpTools(deps: { db: Database; now: () => Date; model?: DraftModel }): Tool[] {
  const agentDeps: AgentDeps = { tools: toolRunner(deps.db, deps.now), model: deps.model ?? createDraftModel(), now: deps.now };
  const draftOffer = defineTool({
    name: "draft_offer",
    description: "Plans an offer from a brief with the copilot (read the brief, fill the draft, validate it against " +
      "the tenant's policy, KPI floors and budget). Saves nothing; pass the draft to commit_offer_draft to save it.",
    input: DraftOfferInput,
    output: DraftOfferOutput,
    permission: "agent.use",
    async execute(input, ctx) {
      requireTenant(ctx);
      const out = await plannerFor(deps.db, agentDeps)({ brief: input.brief, today: input.today, caller: { ...ctx.caller, issuerType: "agent" } });
      return { draft: out.draft, validation: { ...out.validation, reasons: reasonsOf(out.validation) }, forecast: out.forecast };
    },
  });
  const commitDraft = defineTool({
    name: "commit_offer_draft",
    description: "Saves a draft the way the copilot's confirm does: an admin's offer goes active, a marketer's is saved " +
      "as a draft for an admin. The draft is validated again first; a refusal saves nothing and names its code.",
    input: CommitInput,
    output: CommitOutput,
    permission: "agent.use",
    async execute(input, ctx) {
      requireTenant(ctx);
      const callDeps: AgentDeps = { ...agentDeps, tools: toolRunner(ctx.db, ctx.now), now: ctx.now };
      // The tenant's currency decides what the draft's amounts mean in cents (CONTRACT §6).
      const today = ctx.now().toISOString().slice(0, 10);
      const facts = await loadDraftFacts(callDeps, ctx.caller, input.draft, today);
      const verdict = validateDraft(input.draft, facts, today);
      if (!verdict.ok) throw blockedError(verdict);
      const activate = can(ctx.caller.role, "offers.activate");
      const choice = { campaignId: input.campaign_id ?? null, withBudget: can(ctx.caller.role, "budget.write") };
      const tool = toolByName("create_offer")!;
      const offer = (await callDeps.tools(tool, createOfferInput(input.draft, activate, choice, facts.currency), ctx.caller)) as CreatedOffer;
      const code = offer.promo_codes[0] ?? null;
      return {
        offer_id: offer.offer_id, offer_status: offer.offer_status, code_id: code?.code_id ?? null,
        promo_code: code?.promo_code ?? null, campaign_id: offer.campaign_ids[0] ?? null,
      };
    },
  });
  return [draftOffer, commitDraft] as Tool[];
}

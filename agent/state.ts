import type { BaseMessage } from "@langchain/core/messages";
import { MessagesZodMeta } from "@langchain/langgraph";
import { registry } from "@langchain/langgraph/zod";
import { z } from "zod";
import { ROLES } from "@/core/auth/permissions";
import { IsoDate } from "@/core/primitives";
import { ForecastOutput } from "@/tools/copilot/forecast-schemas";
import { OfferDraftSchema } from "./draft";

// The copilot graph's state and the typed values that cross its edges (interrupt payload, resume
// value, run config). Every type is derived from a schema here, so the checkpoint, the UI and the
// tests read the same shapes.

/** One thing wrong with the draft; `field` lets the UI point at the input, `code` is CONTRACT §2.4 or ours. */
export const IssueSchema = z.object({
  code: z.string(),
  message: z.string(),
  field: z.string().nullable(),
  /** Whether governance refused it (a rejection) rather than the draft being incomplete or badly formed. */
  kind: z.enum(["missing", "governance", "format", "dates", "brand"]),
});
export type Issue = z.infer<typeof IssueSchema>;

/** The nearest draft governance would accept, with the sentence that offers it ("use 25%?"). */
export const AlternativeSchema = z.object({ patch: OfferDraftSchema.partial(), message: z.string() });
export type Alternative = z.infer<typeof AlternativeSchema>;

/** A check that passes but says something is likely wrong (audience open to all, copy contradicting fields); never blocks. */
export const WarningSchema = z.object({
  code: z.string(), message: z.string(), field: z.string().nullable(), fix: AlternativeSchema.nullable(),
});
export type Warning = z.infer<typeof WarningSchema>;

/** The deterministic verdict on a draft: no LLM touches it. */
export const ValidationSchema = z.object({
  /** True when nothing blocks a commit: complete, well-formed and allowed by governance. */
  ok: z.boolean(),
  /** True when no rejection (governance, format, dates, brand): what the evals call the verdict. */
  allowed: z.boolean(),
  issues: z.array(IssueSchema),
  /** One precise question per missing required field, in the order the agent asks them. */
  questions: z.array(z.object({ field: z.string(), question: z.string() })),
  /** Non-blocking warnings with their one-click fix: commit goes ahead, the chat says them. */
  warnings: z.array(WarningSchema).default([]),
  alternative: AlternativeSchema.nullable(),
});
export type Validation = z.infer<typeof ValidationSchema>;

/** The measurable part of the objective ("Q4 sales +20%"), read the same way for both models. */
export const TargetSchema = z.object({
  direction: z.enum(["increase", "decrease", "reach"]),
  metric: z.string(),
  amount: z.number(),
  unit: z.enum(["%", "$", "count"]),
});

/** What goal_setting learned: the objective, the program type and advice from the tenant's own facts. */
export const GoalSchema = z.object({
  objective: z.string().nullable(),
  /** The objective's measurable target, when it states one. */
  target: TargetSchema.nullable().default(null),
  /** Who the offer is for, as the draft names them. */
  audience: z.array(z.string()).nullable().default(null),
  programType: OfferDraftSchema.shape.programType,
  recommendations: z.array(z.string()),
  /** Every piece of advice given on this draft so far: a later turn says only what is new. */
  advised: z.array(z.string()).default([]),
  /** What the reader found ambiguous and left empty, so the agent can say so. */
  notes: z.array(z.string()),
});
export type Goal = z.infer<typeof GoalSchema>;

/** The ids a commit wrote; present means the conversation's offer exists. */
export const CommittedSchema = z.object({
  offerId: z.string(),
  codeId: z.string().nullable(),
  promoCode: z.string().nullable(),
  offerStatus: z.string(),
  campaignId: z.string().nullable(),
});
export type Committed = z.infer<typeof CommittedSchema>;

/** Every state field but the messages, whose channel needs LangGraph's reducer metadata. */
const StateFieldsSchema = z.object({
  // The offer being built; kept across turns so follow-ups edit it instead of starting over.
  draft: OfferDraftSchema.nullable().default(null),
  // The model's reading of the latest message, handed from goal_setting to offer_creation.
  extracted: OfferDraftSchema.nullable().default(null),
  // Objective, program type and fact-based advice, so the agent explains before it drafts.
  goal: GoalSchema.nullable().default(null),
  // The latest validation result (a node is named "validation", hence "verdict"); routing and the review card read it.
  verdict: ValidationSchema.nullable().default(null),
  // Pre-launch forecast of the draft (redemptions, spend, burn by day), so the draft panel can draw it.
  forecast: ForecastOutput.nullable().default(null),
  // The one question the agent is waiting on, so the UI can show it apart from the chat.
  pendingQuestion: z.string().nullable().default(null),
  // Set by human_review from the parsed resume value; commit and routing act on it.
  decision: z.enum(["confirm", "edit", "cancel"]).nullable().default(null),
  // The existing campaign the user chose for this offer; commit links to it, else creates one from the draft.
  campaignId: z.string().uuid().nullable().default(null),
  // What was written; a second confirm on the same thread never writes twice.
  committed: CommittedSchema.nullable().default(null),
  // A model or commit failure the user must see; the run ends cleanly instead of crashing.
  error: z.string().nullable().default(null),
  // LLM calls spent on this thread, for the evals' cost column.
  llmCalls: z.number().int().nonnegative().default(0),
});

export const OfferStateSchema = StateFieldsSchema.extend({
  // The conversation: the UI renders it and follow-up turns ("make it 15%") are read against it.
  messages: z.custom<BaseMessage[]>().register(registry, MessagesZodMeta),
});
export type OfferState = z.infer<typeof StateFieldsSchema> & { messages: BaseMessage[] };
export type OfferStateUpdate = Partial<Omit<OfferState, "messages">> & { messages?: BaseMessage[] };

/** What the review interrupt shows the human: everything needed to decide, nothing else. */
export const ReviewRequestSchema = z.object({
  kind: z.literal("offer_review"),
  draft: OfferDraftSchema,
  validation: ValidationSchema,
  /** What a confirm does for this caller: admins activate, marketers save a draft for an admin. */
  confirmEffect: z.enum(["activate", "save_draft"]),
});
export type ReviewRequest = z.infer<typeof ReviewRequestSchema>;

/** The only resume value human_review accepts; parsed before anything is written. */
export const ReviewResumeSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("confirm") }),
  z.object({ action: z.literal("edit"), draft: OfferDraftSchema }),
  z.object({ action: z.literal("cancel") }),
]);
export type ReviewResume = z.infer<typeof ReviewResumeSchema>;

/** The caller a run acts for; set by the server from the authenticated key, never by the browser. */
export const CallerSchema = z.object({
  tenantId: z.string().uuid().nullable(),
  role: z.enum(ROLES),
  apiKeyId: z.string().uuid().nullable(),
  provider: z.string().nullable(),
  issuerType: z.enum(["connector", "agent", "human"]),
});

/** `configurable` of every run: who, which day it is for the draft's dates, and how far to go. */
export const RunConfigSchema = z.object({
  caller: CallerSchema,
  today: IsoDate.optional(),
  /** "plan" stops after validation (npm run draft, evals); "converse" goes on to review and commit. */
  mode: z.enum(["plan", "converse"]).default("converse"),
  /** An existing campaign (of the caller's tenant) to link the committed offer to; state.campaignId wins. */
  campaignId: z.string().uuid().optional(),
});
export type RunConfig = z.infer<typeof RunConfigSchema>;

import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { HumanMessage, SystemMessage } from "@langchain/core/messages";
import { ChatOpenAI } from "@langchain/openai";
import { env as processEnv, type Env } from "@/env";
import { type OfferDraft, OfferDraftSchema } from "./draft";
import { planOffline } from "./planner";
import { DRAFT_TOOL_NAME, extractionSystemPrompt } from "./prompts";

// One interface over the two ways of reading a brief: an OpenAI-compatible chat model (one
// structured-output call per message) or the deterministic offline planner. Governance and
// validation never go through here.

export type ExtractInput = { message: string; previous: OfferDraft | null; today: string };
/** The draft the message describes (edits applied), the reader's notes and what it cost. */
export type Extraction = { draft: OfferDraft; notes: string[]; llmCalls: number };

export interface DraftModel {
  readonly kind: "llm" | "offline";
  extract(input: ExtractInput): Promise<Extraction>;
}

/** The model answered, but not with a usable draft; the user sees this message, nothing is written. */
export class ModelAnswerError extends Error {
  constructor(message: string, readonly cause?: unknown) {
    super(message);
    this.name = "ModelAnswerError";
  }
}

/** The deterministic planner: no network, same input → same draft. */
export function offlineModel(): DraftModel {
  return {
    kind: "offline",
    async extract({ message, previous, today }) {
      const { draft, notes } = planOffline(message, { today, previous: previous ?? undefined });
      return { draft, notes, llmCalls: 0 };
    },
  };
}

/** Any LangChain chat model that can call a tool; ChatOpenAI in production, a scripted one in tests. */
export function chatDraftModel(chat: BaseChatModel): DraftModel {
  const structured = chat.withStructuredOutput(OfferDraftSchema, { name: DRAFT_TOOL_NAME, method: "functionCalling" });
  return {
    kind: "llm",
    async extract({ message, previous, today }) {
      let raw: unknown;
      try {
        raw = await structured.invoke([new SystemMessage(extractionSystemPrompt(today, previous)), new HumanMessage(message)]);
      } catch (err) {
        throw new ModelAnswerError(`The language model's answer could not be used (${describe(err)}); the draft was not changed.`, err);
      }
      const parsed = OfferDraftSchema.safeParse(raw);
      if (!parsed.success) {
        const fields = parsed.error.issues.slice(0, 3).map((i) => i.path.join(".") || "(draft)").join(", ");
        throw new ModelAnswerError(`The language model returned a draft that does not fit the offer schema (${fields}); the draft was not changed.`);
      }
      return { draft: parsed.data, notes: [], llmCalls: 1 };
    },
  };
}

/** Short, leak-free description of a model failure for the user-facing message. */
function describe(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  if (/json|parse|schema|tool/i.test(text)) return "it was not a valid offer draft";
  if (/ECONNREFUSED|fetch failed|network|timeout|ENOTFOUND/i.test(text)) return "the model server could not be reached";
  return text.split("\n")[0].slice(0, 160);
}

/** Whether this environment names an LLM: any OpenAI key or OpenAI-compatible server turns it on. */
export function llmConfigured(e: Env = processEnv): boolean {
  return Boolean(e.OPENAI_API_KEY || e.OPENAI_BASE_URL);
}

/** The app's model choice: ChatOpenAI when configured, else the offline planner; tests inject `chat`. */
export function createDraftModel(opts: { chat?: BaseChatModel; env?: Env } = {}): DraftModel {
  if (opts.chat) return chatDraftModel(opts.chat);
  const e = opts.env ?? processEnv;
  if (!llmConfigured(e)) return offlineModel();
  const chat = new ChatOpenAI({
    model: e.OPENAI_MODEL,
    // A local OpenAI-compatible server may need no key; the client still wants a string.
    apiKey: e.OPENAI_API_KEY ?? "not-needed",
    temperature: 0,
    maxRetries: 1,
    configuration: e.OPENAI_BASE_URL ? { baseURL: e.OPENAI_BASE_URL } : undefined,
  });
  return chatDraftModel(chat);
}

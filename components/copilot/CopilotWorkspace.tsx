"use client";

import "@copilotkit/react-ui/styles.css";
import { CopilotKit } from "@copilotkit/react-core";
import { CopilotChat } from "@copilotkit/react-ui";
import { ChatInput } from "./ChatInput";
import { AGENT_NAME, DraftPanel } from "./DraftPanel";
import { ReviewInterrupt, ReviewProvider } from "./review-context";

/**
 * Chat and draft side by side on one agent thread. The thread id comes from the URL, so a reload (or a
 * shared link) reopens the same LangGraph thread; auth is the httpOnly cookie the endpoint reads.
 */
export function CopilotWorkspace({ threadId, role }: { threadId: string; role: string }) {
  return (
    <CopilotKit runtimeUrl="/api/copilotkit" agent={AGENT_NAME} threadId={threadId} showDevConsole={false} enableInspector={false}>
      <ReviewProvider>
        <ReviewInterrupt />
        <div className="copilot-layout">
          <section className="card chat-pane" aria-label="Chat with the copilot">
            <CopilotChat
              className="copilotKitChat"
              Input={ChatInput}
              labels={{
                title: "Offer Copilot",
                initial: "Describe the offer you want — goal, discount, code, limits, dates and budget. I'll draft it and check it against your policy, KPIs and budget.",
                placeholder: "e.g. 15% off for students with code STUDY15 in December, budget 5000",
              }}
            />
          </section>
          <DraftPanel role={role} />
        </div>
      </ReviewProvider>
    </CopilotKit>
  );
}

"use client";

import { type KeyboardEvent, useEffect, useId, useReducer, useRef, useState } from "react";
import { CopilotKitCoreRuntimeConnectionStatus, useAgent, useCopilotKit } from "@copilotkit/react-core/v2";
import { type InputProps, useChatContext } from "@copilotkit/react-ui";
import { useCoAgent } from "@copilotkit/react-core";
import { suggestionsFor } from "@/agent/planner/answers";
import type { OfferState } from "@/agent/state";
import { AGENT_NAME } from "./DraftPanel";
import { usePendingReview } from "./review-context";

// Whether the chat's agent has finished connecting to its thread. CopilotKit reports the chat "ready" as
// soon as a provisional agent exists; a message sent before the thread connect completes can be wiped by
// the connect (it resets or snapshots the thread's messages). The input waits for this instead.

export type ThreadStatus = "connecting" | "ready" | "unavailable";

/** "ready" once the agent's first run on this page (CopilotChat's thread connect) has finished. */
export function useThreadStatus(agentId: string): ThreadStatus {
  const { copilotkit } = useCopilotKit();
  const { agent } = useAgent({ agentId });
  const connected = useRef(new WeakSet<object>());
  const [, rerender] = useReducer((n: number) => n + 1, 0);

  useEffect(() => {
    const agentSubs: { unsubscribe(): void }[] = [];
    const sub = copilotkit.subscribe({
      // The connect is announced as a run start before it begins; its end (success or failure) is the run's finalize.
      onAgentRunStarted: ({ agent: started }) => {
        if (connected.current.has(started)) return;
        const s = started.subscribe({
          onRunFinalized: () => { s.unsubscribe(); connected.current.add(started); rerender(); },
        });
        agentSubs.push(s);
      },
      onRuntimeConnectionStatusChanged: () => rerender(),
    });
    return () => { sub.unsubscribe(); for (const s of agentSubs) s.unsubscribe(); };
  }, [copilotkit]);

  if (copilotkit.runtimeConnectionStatus === CopilotKitCoreRuntimeConnectionStatus.Error) return "unavailable";
  return agent && connected.current.has(agent) ? "ready" : "connecting";
}

const MAX_ROWS = 6;
const STATUS_TEXT = {
  connecting: "Connecting to the copilot…",
  unavailable: "The copilot cannot be reached right now. Reload the page to try again.",
} as const;

/**
 * The chat's message box (replaces CopilotKit's default Input): it has a real label, stays disabled with a
 * visible "Connecting…" until the thread is connected (so no early message is lost), and holds sends while a
 * run is in progress or a review awaits an answer.
 */
export function ChatInput({ inProgress, onSend, onStop, hideStopButton = false }: InputProps) {
  const { icons, labels } = useChatContext();
  const status = useThreadStatus(AGENT_NAME);
  const review = usePendingReview();
  const [text, setText] = useState("");
  const [composing, setComposing] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const ready = status === "ready";
  const canSend = ready && !inProgress && !review && text.trim().length > 0;
  const showStop = ready && inProgress && !hideStopButton;
  // The agent's open question, answered in one click ("$5,000", "Online link", "What do you suggest?").
  const { state: agent } = useCoAgent<Partial<Pick<OfferState, "verdict" | "pendingQuestion">>>({ name: AGENT_NAME, initialState: {} });
  const asked = agent?.verdict?.questions[0];
  const chips = asked && agent?.pendingQuestion === asked.question ? suggestionsFor(asked.field, asked.question) : [];

  // Grows with the text up to MAX_ROWS lines, then scrolls.
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = "auto";
    const line = parseFloat(getComputedStyle(el).lineHeight) || 20;
    el.style.height = `${Math.min(el.scrollHeight, line * MAX_ROWS)}px`;
  }, [text]);

  const send = () => {
    if (!canSend) return;
    onSend(text);
    setText("");
    ref.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key !== "Enter" || e.shiftKey || composing) return;
    e.preventDefault();
    send();
  };
  const hint = !ready ? STATUS_TEXT[status] : review ? "Answer the review (Confirm or Cancel) before sending another message." : null;

  return (
    <div className="copilotKitInputContainer" data-chat-status={status}>
      {hint && <p id={`${id}-status`} role="status" className="small muted chat-status" style={{ margin: "0 14px 6px" }} data-testid="chat-status">{hint}</p>}
      {chips.length > 0 && (
        <div className="row small" style={{ margin: "0 14px 6px", gap: 6, flexWrap: "wrap" }} data-testid="answer-suggestions">
          <span className="muted">Answer:</span>
          {chips.map((c) => (
            <button key={c} type="button" className="btn btn-small" disabled={!ready || inProgress || !!review} onClick={() => onSend(c)}>{c}</button>
          ))}
        </div>
      )}
      <div className="copilotKitInput" onClick={(e) => { if (!(e.target as HTMLElement).closest("button")) ref.current?.focus(); }}>
        <label htmlFor={id} className="sr-only">Message the copilot</label>
        <textarea
          id={id} ref={ref} rows={1} value={text} disabled={!ready} data-testid="copilot-chat-textarea"
          placeholder={ready ? labels.placeholder : STATUS_TEXT.connecting}
          aria-describedby={hint ? `${id}-status` : undefined}
          style={{ overflow: "auto", resize: "none" }}
          onChange={(e) => setText(e.target.value)} onKeyDown={onKeyDown}
          onCompositionStart={() => setComposing(true)} onCompositionEnd={() => setComposing(false)}
        />
        <div className="copilotKitInputControls">
          <div style={{ flexGrow: 1 }} />
          <button
            type="button" className="copilotKitInputControlButton" data-testid="copilot-send-button"
            disabled={showStop ? false : !canSend} onClick={showStop ? onStop : send}
            aria-label={!ready ? "Connecting" : showStop ? "Stop" : "Send"}
          >
            {!ready ? icons.spinnerIcon : showStop ? icons.stopIcon : icons.sendIcon}
          </button>
        </div>
      </div>
    </div>
  );
}

import { randomUUID } from "node:crypto";
import Link from "next/link";
import { redirect } from "next/navigation";
import { can } from "@/core/auth/permissions";
import { CopilotWorkspace } from "@/components/copilot/CopilotWorkspace";
import { requireSession } from "@/lib/ui/session";
import { isUuid } from "@/core/primitives";

export const metadata = { title: "Copilot · Offer Copilot" };

/** The copilot: every conversation is a thread whose UUID lives in the URL (?thread=…). */
export default async function CopilotPage({ searchParams }: { searchParams: Promise<{ thread?: string }> }) {
  const session = await requireSession("/");
  const { thread } = await searchParams;
  if (!thread || !isUuid(thread)) redirect(`/?thread=${randomUUID()}`);
  if (!can(session.caller.role, "agent.use")) {
    return (
      <section className="card stack">
        <h1>Copilot</h1>
        <p className="muted">The copilot drafts offers for a tenant&apos;s admins and marketers. Your role ({session.caller.role}) can use the <Link href="/god/config/pricing/discounts">control room</Link> instead.</p>
      </section>
    );
  }
  return (
    <div className="stack">
      <div className="row" style={{ justifyContent: "space-between" }}>
        <h1>Copilot</h1>
        <Link className="btn btn-small" href="/" prefetch={false}>New conversation</Link>
      </div>
      <CopilotWorkspace key={thread} threadId={thread.toLowerCase()} role={session.caller.role} />
    </div>
  );
}

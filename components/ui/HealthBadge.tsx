import { HEALTH_WORDS } from "@/lib/ui/offer-fix";

const TONE: Record<string, string> = {
  live: "ok", scheduled: "status-draft", draft: "status-draft", inactive: "warn", blocked_by_policy: "bad", paused_by_kpi: "bad",
  budget_exhausted: "bad", expired: "status-expired",
};

/** Whether the offer can redeem right now (CONTRACT §9), in words beside its colour. */
export function HealthBadge({ health }: { health: string | undefined }) {
  if (!health) return null;
  return <span className={`badge ${TONE[health] ?? ""}`} data-testid="health-badge" data-health={health} title="Can it redeem right now?">{HEALTH_WORDS[health] ?? health}</span>;
}

import { duration, reason, when } from "./reasons";
import type { GovernanceReason, KpiSnapshotFact, PolicyFacts } from "./types";

// KPI floors fail closed: a floor is only met by a fresh reading at or above it.

/** The reading that counts for (kpi, surface): the surface's latest, else the tenant-wide latest (surface ""). */
export function latestSnapshotFor(snapshots: KpiSnapshotFact[], kpi: string, surface: string): KpiSnapshotFact | null {
  const latest = (s: string) =>
    snapshots
      .filter((x) => x.kpi === kpi && x.surface === s)
      .reduce<KpiSnapshotFact | null>((best, x) => (!best || x.observed_at > best.observed_at ? x : best), null);
  return (surface !== "" ? latest(surface) : null) ?? latest("");
}

/** Every floor of the policy against its reading: missing or older than max_snapshot_age_seconds → kpi_stale; below → kpi_floor. */
export function checkKpiFloors(policy: PolicyFacts | null, surface: string, snapshots: KpiSnapshotFact[], now: Date): GovernanceReason[] {
  if (!policy) return [];
  const reasons: GovernanceReason[] = [];
  for (const { kpi, floor } of policy.kpi_floors) {
    const snap = latestSnapshotFor(snapshots, kpi, surface);
    if (!snap) {
      reasons.push(reason("kpi_stale", `No ${kpi} reading for ${surface} — push one (POST /api/kpi-snapshots) before discounts can be used; ${surface} requires ${kpi} ≥ ${floor}`));
      continue;
    }
    const ageSeconds = (now.getTime() - snap.observed_at.getTime()) / 1000;
    if (ageSeconds > policy.max_snapshot_age_seconds) {
      reasons.push(reason("kpi_stale",
        `The latest ${kpi} reading (${when(snap.observed_at)}) is ${duration(ageSeconds)} old; ${surface} accepts readings up to ${duration(policy.max_snapshot_age_seconds)} old — push a fresh one`));
      continue;
    }
    if (snap.value < floor) {
      reasons.push(reason("kpi_floor", `${kpi} is ${snap.value}, below the floor of ${floor} that ${surface} requires — discounts resume once it is back at or above ${floor}`));
    }
  }
  return reasons;
}

import type { OfferDraft } from "./draft";
import { makeDescription, makeTerms, makeTitle } from "./planner/copy";

// Title, description and terms are written from the draft's fields. When a field changes, copy the
// system wrote must follow ("Limit 1 per customer" must not survive a change to 2), while copy a
// person typed is theirs and stays.

const WRITERS = { title: makeTitle, description: makeDescription, terms: makeTerms } as const;
type CopyField = keyof typeof WRITERS;

/** Rewrites each copy field that is empty or still exactly what the system wrote for `previous`. */
export function refreshAutoCopy(previous: OfferDraft | null, next: OfferDraft): OfferDraft {
  const out = { ...next };
  for (const field of Object.keys(WRITERS) as CopyField[]) {
    const write = WRITERS[field];
    const current = next[field];
    const wasWritten = current === null || (previous !== null && current === previous[field] && current === write(previous));
    if (wasWritten) out[field] = write(next);
  }
  return out;
}

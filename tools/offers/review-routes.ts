import { defineRoutes } from "../transports/route";
import { getOfferChecks, previewDraftChecks, previewPolicyImpact } from "./offer-check-tools";
import { getOfferTimeline, listOfferApprovals, rejectOffer, submitOffer } from "./offer-review-tools";

// CONTRACT §9 and issue 16: approvals, timeline, checks and policy impact. Approval itself is
// POST /dashboard/offers/{offer_id}/activate (or PUT with offer_status "active"), which runs the checks.
const tags = ["offers"];

export const reviewRoutes = defineRoutes([
  { method: "GET", path: "/dashboard/offers/approvals", tool: listOfferApprovals, tags },
  { method: "POST", path: "/dashboard/offers/checks", tool: previewDraftChecks, tags },
  { method: "POST", path: "/dashboard/offers/{offer_id}/submit", tool: submitOffer, tags },
  { method: "POST", path: "/dashboard/offers/{offer_id}/reject", tool: rejectOffer, tags },
  { method: "GET", path: "/dashboard/offers/{offer_id}/timeline", tool: getOfferTimeline, tags },
  { method: "GET", path: "/dashboard/offers/{offer_id}/checks", tool: getOfferChecks, tags },
  { method: "POST", path: "/api/discount-policies/{surface}/impact", tool: previewPolicyImpact, tags: ["policy"] },
]);

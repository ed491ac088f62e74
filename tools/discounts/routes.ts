import { defineRoutes } from "../transports/route";
import { getBudgetHeadroom, setBudget } from "./budget-tools";
import { createDiscountCode, deactivateDiscountCode, getDiscountCode, listDiscountCodes, updateDiscountCode } from "./code-tools";
import { listKpiSnapshots, recordKpiSnapshot } from "./kpi-tools";
import { listRedemptions, voidRedemption } from "./ledger-tools";
import { getDiscountPolicy, listDiscountPolicies, setDiscountPolicy } from "./policy-tools";
import { redeemDiscountCode, validateDiscountCode } from "./redeem-tools";
import { releaseReservation, reserveDiscountCode } from "./reservation-tools";

// CONTRACT §2.
const tags = ["discounts"];
export const discountRoutes = defineRoutes([
  { method: "PUT", path: "/api/discount-policies/{surface}", tool: setDiscountPolicy, tags },
  { method: "GET", path: "/api/discount-policies", tool: listDiscountPolicies, tags },
  { method: "GET", path: "/api/discount-policies/{surface}", tool: getDiscountPolicy, tags },
  { method: "PUT", path: "/api/budget", tool: setBudget, tags },
  { method: "GET", path: "/api/budget", tool: getBudgetHeadroom, tags },
  { method: "POST", path: "/api/kpi-snapshots", tool: recordKpiSnapshot, status: 201, tags },
  { method: "GET", path: "/api/kpi-snapshots", tool: listKpiSnapshots, tags },
  { method: "POST", path: "/dashboard/promo-codes", tool: createDiscountCode, status: 201, tags },
  { method: "GET", path: "/dashboard/promo-codes", tool: listDiscountCodes, tags },
  { method: "POST", path: "/dashboard/promo-codes/validate", tool: validateDiscountCode, tags },
  { method: "POST", path: "/dashboard/promo-codes/redeem", tool: redeemDiscountCode, status: 201, headers: { idempotency_key: "Idempotency-Key" }, tags },
  { method: "POST", path: "/dashboard/promo-codes/reserve", tool: reserveDiscountCode, status: 201, headers: { idempotency_key: "Idempotency-Key" }, tags },
  { method: "DELETE", path: "/dashboard/reservations/{reservation_id}", tool: releaseReservation, status: 204, tags },
  { method: "GET", path: "/dashboard/promo-codes/{code_id}", tool: getDiscountCode, tags },
  { method: "PUT", path: "/dashboard/promo-codes/{code_id}", tool: updateDiscountCode, tags },
  { method: "DELETE", path: "/dashboard/promo-codes/{code_id}", tool: deactivateDiscountCode, tags },
  { method: "POST", path: "/dashboard/redemptions/{redemption_id}/void", tool: voidRedemption, status: 201, tags },
  { method: "GET", path: "/dashboard/redemptions", tool: listRedemptions, tags },
]);

import type { Tool } from "../registry";
import type { RouteDef } from "../transports/route";
import { budgetTools } from "./budget-tools";
import { codeTools } from "./code-tools";
import { kpiTools } from "./kpi-tools";
import { ledgerTools } from "./ledger-tools";
import { policyTools } from "./policy-tools";
import { checkDiscountProposal } from "./proposal";
import { redeemDiscountCode, validateDiscountCode } from "./redeem-tools";
import { reservationTools } from "./reservation-tools";
import { discountRoutes as routes } from "./routes";

// Discount engine tools and routes (CONTRACT §2). Other domains call the in-transaction helpers below.
export const discountTools: Tool[] = [
  ...policyTools, ...budgetTools, ...kpiTools, ...codeTools, validateDiscountCode, redeemDiscountCode, ...reservationTools, ...ledgerTools, checkDiscountProposal,
] as Tool[];
export const discountRoutes: RouteDef[] = routes;

export { createCodeInTx, tryCreateCodeInTx, generatePromoCode } from "./code-store";
export { evaluateProposalInTx } from "./proposal";
export { budgetViewInTx } from "./budget-tools";
export { CreateCodeInput, CodeOutput } from "./schemas";

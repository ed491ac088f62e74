import { z } from "zod";
import { PageInput, PageOutput, PositiveInt, Uuid } from "./common-schemas";

// Redemption controls: usage limits, per-customer limits and location restrictions of an offer.

/** How many locations one control may list (the UI's editor checks the same number before saving). */
export const MAX_LOCATION_RESTRICTIONS = 500;

const Fields = {
  offer_id: Uuid.nullable().optional().describe("The offer these controls apply to"),
  usage_limit: PositiveInt.nullable().optional(),
  per_customer_limit: PositiveInt.nullable().optional(),
  location_restrictions: z.array(Uuid).max(MAX_LOCATION_RESTRICTIONS).optional().describe("location_ids of merchant locations where the offer may be redeemed; empty = anywhere"),
};
export const CreateControlInput = z.object(Fields);
export const UpdateControlInput = z.object({ control_id: Uuid, ...z.object(Fields).partial().shape });
export type ControlFields = z.output<typeof CreateControlInput>;
export const ControlIdInput = z.object({ control_id: Uuid });
export const ListControlsInput = z.object({ offer_id: Uuid.optional(), ...PageInput });

export const ControlOutput = z.object({
  control_id: Uuid,
  offer_id: Uuid.nullable(),
  usage_limit: z.number().int().nullable(),
  per_customer_limit: z.number().int().nullable(),
  location_restrictions: z.array(z.string()),
  created_at: z.string(),
  updated_at: z.string(),
});
export const ControlListOutput = z.object({ redemption_controls: z.array(ControlOutput), ...PageOutput });

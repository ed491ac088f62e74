import { z } from "zod";
import { OptionalText, PageInput, PageOutput, Text, Uuid } from "./common-schemas";

// Offer types: the tenant's catalogue of type names an offer's offer_type may use.

const Fields = {
  type_name: Text(64).regex(/^[a-z0-9_]+$/, "lower-case letters, digits and _ (e.g. percentage_discount)"),
  type_description: OptionalText(1000),
  is_active: z.boolean().optional(),
};
export const CreateOfferTypeInput = z.object(Fields);
export const UpdateOfferTypeInput = z.object({ offer_type_id: Uuid, ...z.object(Fields).partial().shape });
export const OfferTypeIdInput = z.object({ offer_type_id: Uuid });
export const ListOfferTypesInput = z.object({ is_active: z.enum(["true", "false"]).optional(), ...PageInput });

export const OfferTypeOutput = z.object({
  offer_type_id: Uuid,
  type_name: z.string(),
  type_description: z.string().nullable(),
  is_active: z.boolean(),
  created_at: z.string(),
});
export const OfferTypeListOutput = z.object({ offer_types: z.array(OfferTypeOutput), ...PageOutput });

import { z } from "zod";
import { OptionalText, PageInput, PageOutput, Text, Uuid } from "./common-schemas";

// Merchants (offers.merchant_owner) and their physical locations, with the document's column names.

export const LocationInput = z.object({
  address_line1: OptionalText(200),
  city: OptionalText(100),
  state: OptionalText(100),
  postal_code: OptionalText(20),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
});
export const LocationOutput = z.object({
  location_id: Uuid,
  address_line1: z.string().nullable(),
  city: z.string().nullable(),
  state: z.string().nullable(),
  postal_code: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
});

const Fields = {
  merchant_name: Text(200),
  merchant_type: OptionalText(64),
  status: z.enum(["active", "inactive"]).optional(),
  primary_category_id: OptionalText(64),
  locations: z.array(LocationInput).max(500).optional().describe("On update, replaces all locations"),
};
export const CreateMerchantInput = z.object(Fields);
export const UpdateMerchantInput = z.object({ merchant_id: Uuid, ...z.object(Fields).partial().shape });
export type UpdateMerchantInput = z.output<typeof UpdateMerchantInput>;
export const MerchantIdInput = z.object({ merchant_id: Uuid });
export const ListMerchantsInput = z.object({
  status: z.enum(["active", "inactive"]).optional(),
  merchant_name: z.string().trim().min(1).max(200).optional().describe("Case-insensitive name search"),
  ...PageInput,
});

export const MerchantOutput = z.object({
  merchant_id: Uuid,
  merchant_name: z.string(),
  merchant_type: z.string().nullable(),
  status: z.string(),
  primary_category_id: z.string().nullable(),
  locations: z.array(LocationOutput),
  created_at: z.string(),
  updated_at: z.string(),
});
export const MerchantListOutput = z.object({ merchants: z.array(MerchantOutput), ...PageOutput });

import { z } from "zod";
import { HttpUrl, LanguageCode, OptionalText, Uuid } from "./common-schemas";

// Descriptives: one row per language with the offer's copy and savings text.

/** Copy fields, shared by offer bodies (default language) and the descriptives endpoints. */
export const DescriptiveFields = {
  short_text: OptionalText(200).describe("Title"),
  long_text: OptionalText(5000).describe("Description"),
  terms_conditions: OptionalText(10000),
  image_url: HttpUrl.nullable().optional(),
  savings_amount: z.number().min(0).max(10_000_000).nullable().optional().describe("Percent or currency units, per savings_type"),
  savings_type: OptionalText(32).describe("percent or amount (also accepted: percentage, %, fixed, $)"),
};

export const DescriptiveOutputFields = {
  short_text: z.string().nullable(),
  long_text: z.string().nullable(),
  terms_conditions: z.string().nullable(),
  image_url: z.string().nullable(),
  savings_amount: z.number().nullable(),
  savings_type: z.string().nullable(),
};

export const DescriptiveInput = z.object({ offer_id: Uuid, language_code: LanguageCode, ...DescriptiveFields });
export type DescriptiveInput = z.output<typeof DescriptiveInput>;

export const DescriptiveOutput = z.object({
  offer_id: Uuid,
  language_code: z.string(),
  ...DescriptiveOutputFields,
  created_at: z.string(),
  updated_at: z.string(),
});

export const DescriptiveListOutput = z.object({ descriptives: z.array(DescriptiveOutput) });

import { z } from "zod";
import { PROGRAM_TYPES } from "@/core/offers/vocabulary";
import { CalendarDate, Cents, OptionalText, PageInput, PageOutput, Text, Uuid } from "./common-schemas";

// Programs group campaigns; campaigns group offers and may carry a budget (CONTRACT §3 column names).

const ProgramFields = {
  program_name: Text(200),
  program_type: z.enum(PROGRAM_TYPES),
  program_status: z.enum(["active", "inactive"]).optional(),
  partner_id: OptionalText(100),
};
export const CreateProgramInput = z.object(ProgramFields);
export const UpdateProgramInput = z.object({ program_id: Uuid, ...z.object(ProgramFields).partial().shape });
export const ProgramIdInput = z.object({ program_id: Uuid });
export const ListProgramsInput = z.object({ program_type: z.enum(PROGRAM_TYPES).optional(), ...PageInput });
export const ProgramOutput = z.object({
  program_id: Uuid,
  program_name: z.string(),
  program_type: z.enum(PROGRAM_TYPES),
  program_status: z.string(),
  partner_id: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});
export const ProgramListOutput = z.object({ programs: z.array(ProgramOutput), ...PageOutput });

const CampaignFields = {
  program_id: Uuid.nullable().optional(),
  campaign_name: Text(200),
  campaign_type: OptionalText(64),
  start_date: CalendarDate.nullable().optional(),
  end_date: CalendarDate.nullable().optional(),
  budget_cents: Cents.nullable().optional().describe("Admin only: a marketer may not set budgets"),
};
export const CreateCampaignInput = z.object(CampaignFields);
export const UpdateCampaignInput = z.object({ campaign_id: Uuid, ...z.object(CampaignFields).partial().shape });
export type CampaignFields = z.output<typeof CreateCampaignInput>;
export const CampaignIdInput = z.object({ campaign_id: Uuid });
export const ListCampaignsInput = z.object({ program_id: Uuid.optional(), ...PageInput });
export const ProgramCampaignsInput = z.object({ program_id: Uuid, ...PageInput });
export const CampaignOutput = z.object({
  campaign_id: Uuid,
  program_id: Uuid.nullable(),
  campaign_name: z.string(),
  campaign_type: z.string().nullable(),
  start_date: z.string().nullable(),
  end_date: z.string().nullable(),
  budget_cents: z.number().int().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});
export const CampaignListOutput = z.object({ campaigns: z.array(CampaignOutput), ...PageOutput });

export const LinkOfferInput = z.object({ campaign_id: Uuid, offer_id: Uuid });
export const CampaignOfferOutput = z.object({ campaign_id: Uuid, offer_id: Uuid, created_at: z.string() });
export const CampaignOffersInput = z.object({ campaign_id: Uuid, ...PageInput });

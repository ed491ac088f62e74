import { z } from "zod";
import { OptionalText, Uuid } from "./common-schemas";

// Customer-list uploads: JSON {customers: [...]} or a CSV file (text/csv or multipart → {csv}).

export const MAX_CUSTOMER_ROWS = 50_000;

export const UploadCustomersInput = z.object({
  offer_id: Uuid,
  customers: z.array(z.unknown()).max(MAX_CUSTOMER_ROWS).optional().describe("Emails, phone numbers or user ids"),
  csv: z.string().optional().describe("CSV text: one identifier per row; a header naming customer/email/phone/user_id picks the column"),
  name: OptionalText(200),
});

export const UploadCustomersOutput = z.object({
  list_id: Uuid,
  offer_id: Uuid,
  name: z.string().nullable(),
  total_rows: z.number().int(),
  accepted_count: z.number().int(),
  rejected_count: z.number().int(),
  duplicate_count: z.number().int(),
  accepted_by_kind: z.object({ email: z.number().int(), phone: z.number().int(), user_id: z.number().int() }),
  rejected: z.array(z.object({ row: z.number().int(), value: z.string(), reason: z.string() })),
  duplicates: z.array(z.object({ row: z.number().int(), duplicate_of: z.number().int() })),
});

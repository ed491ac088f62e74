import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import { UPLOAD_BODY_LIMIT } from "@/tools/transports/body-limit";

// Next parses serverActions.bodySizeLimit with its bundled `bytes`; the same parser proves the configured
// limit is the contract's upload limit (CONTRACT §7), not the 1 MB default that would refuse customer lists.
const bytes = createRequire(import.meta.url)("next/dist/compiled/bytes") as { parse(v: string): number };

describe("next.config server actions", () => {
  it("server actions accept bodies up to the 10 MiB upload limit", () => {
    const limit = nextConfig.experimental?.serverActions?.bodySizeLimit;
    expect(limit).toBe("10mb");
    expect(bytes.parse(String(limit))).toBe(UPLOAD_BODY_LIMIT);
  });
});

// The copilot's own tools: facts it advises on, the runner it acts through, thread ownership. They are
// agent-internal (no REST route, not listed on MCP): the agent's writes still go through the public tools.
export { CopilotFactsOutput, type CopilotFacts, getCopilotFacts, type TenantSettings } from "./facts-tool";
export { type ToolRunner, toolRunner } from "./runner";
export { claimThread, ownsThread } from "./threads";
export { type ForecastResult, ForecastOutput } from "./forecast-schemas";
export { forecastDraft, pastOfferCount } from "./forecast-tool";

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { chromiumPath, type SharedApp } from "./app-server";

// One headless Chromium per test file, contexts per user, screenshots under artifacts/e2e/.

export const ARTIFACTS = path.resolve(__dirname, "../../../artifacts/e2e");
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** Launches Debian chromium with every background network feature off. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** A fresh browser profile (own cookies) at a given viewport. */
export function newContext(browser: Browser, app: SharedApp, viewport = DESKTOP): Promise<BrowserContext> {
  return browser.newContext({ baseURL: app.baseUrl, viewport });
}

/** Full-page screenshot saved as artifacts/e2e/<name>.png. */
export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Uses the sign-in page's demo buttons, as a person would. */
export async function signInAsDemo(page: Page, role: "admin" | "marketer"): Promise<void> {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: `Continue as demo ${role}` }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
}

/** Records a measurement (ms) in artifacts/e2e/timings.json for the report; never asserted on. */
export function recordTiming(name: string, ms: number): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, "timings.json");
  let all: Record<string, number> = {};
  try { all = JSON.parse(readFileSync(file, "utf8")); } catch { /* first one */ }
  all[name] = Math.round(ms);
  writeFileSync(file, JSON.stringify(all, null, 2));
  console.log(`[timing] ${name}: ${Math.round(ms)} ms`);
}

// Runs once when the Next server starts: open + migrate the database, seed the demo, print the logins.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { printStartBanner } = await import("./tools/transports/banner");
  await printStartBanner();
}

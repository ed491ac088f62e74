// Start-up (open + migrate the database, seed the demo, print the logins) lives in server/main.ts, the
// composition root that serves both the lean API and Next; Next itself has nothing to register.
export async function register() {}

import type { ReactNode } from "react";
import { AppHeader } from "@/components/shell/AppHeader";
import { getSession } from "@/lib/ui/session";

export const dynamic = "force-dynamic";

/**
 * The header shows who is signed in and their role. Each page calls requireSession(itsPath) itself, so
 * an unauthenticated visit is sent to /sign-in?next=… and comes back to the same page.
 */
export default async function ProductLayout({ children }: { children: ReactNode }) {
  const session = await getSession();
  if (!session) return <>{children}</>;
  return (
    <>
      <a href="#main" className="skip-link">Skip to content</a>
      <AppHeader role={session.caller.role} />
      <main id="main" className="page">{children}</main>
    </>
  );
}

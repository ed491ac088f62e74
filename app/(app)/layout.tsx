import type { ReactNode } from "react";
import { AppHeader } from "@/components/shell/AppHeader";
import { requireSession } from "@/lib/ui/session";

export const dynamic = "force-dynamic";

/** Every product page sits behind a session; the header shows who is signed in and their role. */
export default async function ProductLayout({ children }: { children: ReactNode }) {
  const session = await requireSession();
  return (
    <>
      <a href="#main" className="skip-link">Skip to content</a>
      <AppHeader role={session.caller.role} />
      <main id="main" className="page">{children}</main>
    </>
  );
}

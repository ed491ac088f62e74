import Link from "next/link";
import { signOut } from "@/lib/ui/session-actions";
import { NavLinks } from "./NavLinks";

const ROLE_LABEL: Record<string, string> = { admin: "Admin", marketer: "Marketer", platform: "Platform operator", connector: "Connector" };

/** The product header: where you are, who you are (role), and the way out. */
export function AppHeader({ role }: { role: string }) {
  return (
    <header className="app-header">
      <Link href="/" className="brand">Offer Copilot</Link>
      <NavLinks role={role} />
      <div className="header-right">
        <span className={`badge role-${role}`} data-testid="role-badge" aria-label={`Signed in as ${ROLE_LABEL[role] ?? role}`}>
          {ROLE_LABEL[role] ?? role}
        </span>
        <form action={signOut}>
          <button type="submit" className="btn btn-small">Sign out</button>
        </form>
      </div>
    </header>
  );
}

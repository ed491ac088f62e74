"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/", label: "Copilot" },
  { href: "/offers", label: "Offers" },
  { href: "/god/config/pricing/discounts", label: "Control room" },
];

/** Main navigation; marks the current section for screen readers with aria-current. Admins also get the approval queue. */
export function NavLinks({ role }: { role?: string }) {
  const path = usePathname();
  const links = role === "admin" ? [...LINKS.slice(0, 2), { href: "/approvals", label: "Approvals" }, ...LINKS.slice(2)] : LINKS;
  return (
    <nav aria-label="Main" className="nav">
      {links.map((l) => {
        const current = l.href === "/" ? path === "/" : path.startsWith(l.href);
        return (
          <Link key={l.href} href={l.href} aria-current={current ? "page" : undefined} className={current ? "nav-link active" : "nav-link"}>
            {l.label}
          </Link>
        );
      })}
    </nav>
  );
}

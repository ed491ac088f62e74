import type { ReactNode } from "react";

export const metadata = { title: "Offer Copilot", description: "Governed offers and discount codes, drafted with a copilot" };

/** Root layout; the product shell (header, role, navigation) lives in the pages' own layout. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}

import type { ReactNode } from "react";
import "./globals.css";

export const metadata = { title: "Offer Copilot", description: "Governed offers and discount codes, drafted with a copilot" };
export const viewport = { width: "device-width", initialScale: 1 };

/** Root layout; the product shell (header, role, navigation) lives in app/(app)/layout.tsx. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}

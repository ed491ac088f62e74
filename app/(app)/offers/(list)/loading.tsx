import { PageSkeleton } from "@/components/ui/PageSkeleton";

// Offer detail has no loading boundary on purpose: notFound() must still send a real 404.
export default PageSkeleton;

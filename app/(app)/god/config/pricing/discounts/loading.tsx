import { PageSkeleton } from "@/components/ui/PageSkeleton";

export default PageSkeleton;

import { defineRoutes } from "../transports/route";
import { offerAnalytics } from "./analytics-tools";
import {
  createCampaign, deleteCampaign, getCampaign, linkCampaignOffer, listCampaignOffers, listCampaigns, updateCampaign,
} from "./campaign-tools";
import { createControl, deleteControl, getControl, listControls, updateControl } from "./control-tools";
import { uploadCustomerList } from "./customer-list-tools";
import { addOfferDescriptive, listOfferDescriptives, updateOfferDescriptive } from "./descriptive-tools";
import { createMerchant, deleteMerchant, getMerchant, listMerchants, updateMerchant } from "./merchant-tools";
import { bulkCreateOffers, duplicateOffer } from "./offer-copy-tools";
import { activateOffer, deactivateOffer } from "./offer-status-tools";
import { createOffer, deleteOffer, getOffer, listOffers, updateOffer } from "./offer-tools";
import { createOfferType, deleteOfferType, getOfferType, listOfferTypes, updateOfferType } from "./offer-type-tools";
import { previewOffer } from "./preview-tools";
import { createProgram, deleteProgram, getProgram, listProgramCampaigns, listPrograms, updateProgram } from "./program-tools";
import { publicListMerchants, publicListOffers } from "./public-tools";

// CONTRACT §3: the Offer Manager's REST surface. Thin: every route is a tool plus where its input comes from.
const offersTag = ["offers"];
const catalog = ["catalog"];
const programsTag = ["programs"];
const pub = ["public"];

export const offerRoutes = defineRoutes([
  { method: "GET", path: "/dashboard/offers", tool: listOffers, tags: offersTag },
  { method: "POST", path: "/dashboard/offers", tool: createOffer, status: 201, tags: offersTag },
  { method: "POST", path: "/dashboard/offers/bulk-create", tool: bulkCreateOffers, status: 201, tags: offersTag },
  { method: "GET", path: "/dashboard/offers/{offer_id}", tool: getOffer, tags: offersTag },
  { method: "PUT", path: "/dashboard/offers/{offer_id}", tool: updateOffer, tags: offersTag },
  { method: "DELETE", path: "/dashboard/offers/{offer_id}", tool: deleteOffer, status: 204, tags: offersTag },
  { method: "POST", path: "/dashboard/offers/{offer_id}/activate", tool: activateOffer, tags: offersTag },
  { method: "POST", path: "/dashboard/offers/{offer_id}/deactivate", tool: deactivateOffer, tags: offersTag },
  { method: "POST", path: "/dashboard/offers/{offer_id}/duplicate", tool: duplicateOffer, status: 201, tags: offersTag },
  { method: "GET", path: "/dashboard/offers/{offer_id}/preview", tool: previewOffer, tags: offersTag },
  { method: "GET", path: "/dashboard/offers/{offer_id}/analytics", tool: offerAnalytics, tags: offersTag },
  { method: "GET", path: "/dashboard/offers/{offer_id}/descriptives", tool: listOfferDescriptives, tags: offersTag },
  { method: "POST", path: "/dashboard/offers/{offer_id}/descriptives", tool: addOfferDescriptive, status: 201, tags: offersTag },
  { method: "PUT", path: "/dashboard/offers/{offer_id}/descriptives", tool: updateOfferDescriptive, tags: offersTag },
  { method: "POST", path: "/dashboard/offers/{offer_id}/customer-lists", tool: uploadCustomerList, status: 201, acceptsCsv: true, tags: offersTag },

  { method: "GET", path: "/dashboard/offers/types", tool: listOfferTypes, tags: catalog },
  { method: "POST", path: "/dashboard/offers/types", tool: createOfferType, status: 201, tags: catalog },
  { method: "GET", path: "/dashboard/offers/types/{offer_type_id}", tool: getOfferType, tags: catalog },
  { method: "PUT", path: "/dashboard/offers/types/{offer_type_id}", tool: updateOfferType, tags: catalog },
  { method: "DELETE", path: "/dashboard/offers/types/{offer_type_id}", tool: deleteOfferType, status: 204, tags: catalog },

  { method: "GET", path: "/dashboard/offers/redemption-controls", tool: listControls, tags: offersTag },
  { method: "POST", path: "/dashboard/offers/redemption-controls", tool: createControl, status: 201, tags: offersTag },
  { method: "GET", path: "/dashboard/offers/redemption-controls/{control_id}", tool: getControl, tags: offersTag },
  { method: "PUT", path: "/dashboard/offers/redemption-controls/{control_id}", tool: updateControl, tags: offersTag },
  { method: "DELETE", path: "/dashboard/offers/redemption-controls/{control_id}", tool: deleteControl, status: 204, tags: offersTag },

  { method: "GET", path: "/dashboard/merchants", tool: listMerchants, tags: catalog },
  { method: "POST", path: "/dashboard/merchants", tool: createMerchant, status: 201, tags: catalog },
  { method: "GET", path: "/dashboard/merchants/{merchant_id}", tool: getMerchant, tags: catalog },
  { method: "PUT", path: "/dashboard/merchants/{merchant_id}", tool: updateMerchant, tags: catalog },
  { method: "DELETE", path: "/dashboard/merchants/{merchant_id}", tool: deleteMerchant, status: 204, tags: catalog },

  { method: "GET", path: "/dashboard/programs", tool: listPrograms, tags: programsTag },
  { method: "POST", path: "/dashboard/programs", tool: createProgram, status: 201, tags: programsTag },
  { method: "GET", path: "/dashboard/programs/{program_id}", tool: getProgram, tags: programsTag },
  { method: "PUT", path: "/dashboard/programs/{program_id}", tool: updateProgram, tags: programsTag },
  { method: "DELETE", path: "/dashboard/programs/{program_id}", tool: deleteProgram, status: 204, tags: programsTag },
  { method: "GET", path: "/dashboard/programs/{program_id}/campaigns", tool: listProgramCampaigns, tags: programsTag },

  { method: "GET", path: "/dashboard/campaigns", tool: listCampaigns, tags: programsTag },
  { method: "POST", path: "/dashboard/campaigns", tool: createCampaign, status: 201, tags: programsTag },
  { method: "GET", path: "/dashboard/campaigns/{campaign_id}", tool: getCampaign, tags: programsTag },
  { method: "PUT", path: "/dashboard/campaigns/{campaign_id}", tool: updateCampaign, tags: programsTag },
  { method: "DELETE", path: "/dashboard/campaigns/{campaign_id}", tool: deleteCampaign, status: 204, tags: programsTag },
  { method: "GET", path: "/dashboard/campaigns/{campaign_id}/offers", tool: listCampaignOffers, tags: programsTag },
  { method: "POST", path: "/dashboard/campaigns/{campaign_id}/offers", tool: linkCampaignOffer, status: 201, tags: programsTag },

  { method: "GET", path: "/api/v1/offers", tool: publicListOffers, auth: "public", tags: pub },
  { method: "GET", path: "/api/v1/merchants", tool: publicListMerchants, auth: "public", tags: pub },
]);

/** Every Offer Manager tool once (the agent and MCP list these). */
export const offerTools = [...new Set(offerRoutes.map((r) => r.tool))];

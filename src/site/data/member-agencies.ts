// The four parties behind Finsam, shown in every page's footer as finsam.se does.
export interface MemberAgency {
  name: string;
  website: string;
}

export const MEMBER_AGENCIES: readonly MemberAgency[] = [
  { name: "Arbetsförmedlingen", website: "https://arbetsformedlingen.se" },
  { name: "Försäkringskassan", website: "https://www.forsakringskassan.se" },
  { name: "Socialstyrelsen", website: "https://www.socialstyrelsen.se" },
  { name: "Sveriges Kommuner och Regioner (SKR)", website: "https://skr.se" },
];

// The organisations that publish on the site: front matter refers to them by key.
import { slugify } from "../../text/slug.ts";

export interface Organisation {
  key: string;
  name: string;
  kind: "nationell" | "förbund";
  region: string;
  website?: string;
}

export const ORGANISATIONS: readonly Organisation[] = [
  { key: "nationella-radet", name: "Nationella rådet", kind: "nationell", region: "Hela Sverige", website: "https://finsam.se" },
  { key: "nns", name: "Nationella nätverket för samordningsförbund (NNS)", kind: "nationell", region: "Hela Sverige" },
  { key: "finsam-goteborg", name: "Finsam Göteborg", kind: "förbund", region: "Västra Götaland" },
  { key: "alv-och-kust", name: "Samordningsförbundet Älv & Kust", kind: "förbund", region: "Västra Götaland" },
  { key: "blekinge", name: "Samordningsförbundet i Blekinge", kind: "förbund", region: "Blekinge", website: "https://finsam-blekinge.se" },
  { key: "norra-vastmanland", name: "Norra Västmanlands Samordningsförbund", kind: "förbund", region: "Västmanland" },
  { key: "sodra-dalarna", name: "Södra Dalarnas Samordningsförbund", kind: "förbund", region: "Dalarna" },
];

const byKey = new Map(ORGANISATIONS.map((organisation) => [organisation.key, organisation]));

export function findOrganisation(key: string): Organisation | undefined {
  return byKey.get(key);
}

export function organisationKeys(): string[] {
  return ORGANISATIONS.map((organisation) => organisation.key);
}

// A key that is not its own slug could never be linked to; fail loudly when someone adds one.
for (const organisation of ORGANISATIONS) {
  if (slugify(organisation.key) !== organisation.key) {
    throw new Error(`src/site/data/organisations.ts: nyckeln "${organisation.key}" ska skrivas som "${slugify(organisation.key)}".`);
  }
}

// A bridge, and only for src/outputs/cms/config.ts (organisationOptions), which is being changed to take the
// organisations of the build (SiteModel.organisations) instead. The site reads content/data/organisationer.yml per
// build, validated (src/content/data-files.ts); this reads the shipped file once, unvalidated, as the CMS did its
// constant. Delete it when nothing imports it any more.
import fs from "node:fs";
import { parse } from "yaml";

export interface Organisation {
  key: string;
  name: string;
  kind: "nationell" | "förbund";
  region: string;
  website?: string;
}

const SHIPPED = new URL("../../../content/data/organisationer.yml", import.meta.url);

function isOrganisation(value: unknown): value is Organisation {
  const entry = value as Partial<Record<keyof Organisation, unknown>> | null;
  return typeof entry === "object" && entry !== null && typeof entry.key === "string" && typeof entry.name === "string";
}

function shippedOrganisations(): Organisation[] {
  const list = (parse(fs.readFileSync(SHIPPED, "utf8")) as { organisations?: unknown } | null)?.organisations;
  return Array.isArray(list) ? list.filter(isOrganisation) : [];
}

/** @deprecated The build's organisations are SiteModel.organisations; this is the CMS's until it takes those. */
export const ORGANISATIONS: readonly Organisation[] = shippedOrganisations();

// The git host's login for the CMS on a static host: an external OAuth client named by the build's environment, in
// the exact form Decap compares, and refused in Swedish when it would make every login wait forever.
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { cmsConfig, renderCmsConfig } from "../../../../src/outputs/cms/config.ts";
import { cmsConnectOrigins, cmsSettingsFromEnv, decapBackend } from "../../../../src/outputs/cms/settings.ts";

const REPO = { CMS_REPO: "finsam/webbplats" };

describe("the CMS's login through an external OAuth client (CMS_AUTH_BASE_URL, CMS_AUTH_ENDPOINT)", () => {
  it("reaches /admin/config.yml as Decap's base_url and auth_endpoint", () => {
    const settings = cmsSettingsFromEnv({ ...REPO, CMS_AUTH_BASE_URL: "https://inloggning.exempelforbund.se/", CMS_AUTH_ENDPOINT: "/api/auth/" });
    const config = parse(renderCmsConfig(cmsConfig({ types: {}, references: { organisation: [] }, settings }))) as { backend: unknown };
    expect(config.backend).toEqual({
      name: "github",
      repo: "finsam/webbplats",
      branch: "main",
      base_url: "https://inloggning.exempelforbund.se",
      auth_endpoint: "api/auth",
    });
  });

  it("leaves Decap's own defaults (Netlify's authenticator, the path auth) when unset or blank, as an unset repository variable arrives", () => {
    expect(decapBackend(cmsSettingsFromEnv(REPO).backend)).toEqual({ name: "github", repo: "finsam/webbplats", branch: "main" });
    expect(decapBackend(cmsSettingsFromEnv({ ...REPO, CMS_AUTH_BASE_URL: "", CMS_AUTH_ENDPOINT: "" }).backend)).toEqual({ name: "github", repo: "finsam/webbplats", branch: "main" });
    expect(decapBackend(cmsSettingsFromEnv({ ...REPO, CMS_AUTH_BASE_URL: "https://auth.example.workers.dev" }).backend)).toEqual({
      name: "github",
      repo: "finsam/webbplats",
      branch: "main",
      base_url: "https://auth.example.workers.dev",
    });
  });

  it("refuses an address Decap would never accept an answer from: a path, http, credentials, a query", () => {
    for (const base of ["https://auth.example.se/auth", "http://auth.example.se", "https://u:p@auth.example.se", "https://auth.example.se/?x=1", "auth.example.se", "javascript:alert(1)"]) {
      expect(() => cmsSettingsFromEnv({ ...REPO, CMS_AUTH_BASE_URL: base }), base).toThrow(/CMS_AUTH_BASE_URL ska vara inloggningstjänstens adress utan sökväg/);
    }
    for (const endpoint of ["../auth", "api/../auth", "api/.", "auth?x=1", "a b", "https://evil.example/auth"]) {
      expect(() => cmsSettingsFromEnv({ ...REPO, CMS_AUTH_BASE_URL: "https://auth.example.se", CMS_AUTH_ENDPOINT: endpoint }), endpoint).toThrow(/CMS_AUTH_ENDPOINT ska vara en sökväg/);
    }
  });

  it("is an error without GitHub, and an endpoint without an address is one too", () => {
    expect(() => cmsSettingsFromEnv({ CMS_AUTH_BASE_URL: "https://auth.example.se" })).toThrow(/inget förråd är angivet/);
    expect(() => cmsSettingsFromEnv({ ...REPO, CMS_AUTH_ENDPOINT: "auth" })).toThrow(/CMS_AUTH_ENDPOINT gäller bara tillsammans med CMS_AUTH_BASE_URL/);
  });

  it("takes the pages workflow's repository when CMS_REPO is an unset variable (blank)", () => {
    expect(cmsSettingsFromEnv({ CMS_REPO: "", GITHUB_REPOSITORY: "finsam/sajt" }).backend).toEqual({ name: "github", repo: "finsam/sajt", branch: "main" });
  });

  it("needs no connection to the authenticator from the page: the login is a window of its own", () => {
    const settings = cmsSettingsFromEnv({ ...REPO, CMS_AUTH_BASE_URL: "https://auth.example.se" });
    expect(cmsConnectOrigins(settings)).toEqual(["https://api.github.com", "http://127.0.0.1:8082"]);
  });
});

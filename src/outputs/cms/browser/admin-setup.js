// @ts-check
// Our additions to Decap CMS at /admin/, run after its bundle: previews in the site's own stylesheet, and saves that
// leave out what an editor emptied. Read by the page as a module (the page's policy allows no inline script).

/**
 * A field an editor filled in and then emptied reaches the file as "" (a text, a date cleared with "Rensa", an
 * image removed) or null (a select set back to nothing). The schema reads such a key as a value, and refuses it;
 * for the editor it means "none", which in the file is the key left out. Lists stay, even empty: an empty list
 * is a value the schema takes. Decap's data is Immutable.js: a Map has `deleteAll`, a List has `push`.
 * @template T
 * @param {T} value
 * @returns {T}
 */
export function withoutEmptyValues(value) {
  if (!isCollection(value)) return value;
  if ("push" in value) return /** @type {T} */ (value.map(withoutEmptyValues));
  return /** @type {T} */ (value.filter((item) => item !== "" && item !== null && item !== undefined).map(withoutEmptyValues));
}

/**
 * An Immutable.js Map or List, as far as it is used here.
 * @typedef {{ map(f: (item: unknown) => unknown): ImmutableCollection, filter(f: (item: unknown) => boolean): ImmutableCollection }} ImmutableCollection
 */

/**
 * @param {unknown} value
 * @returns {value is ImmutableCollection}
 */
function isCollection(value) {
  return value !== null && typeof value === "object" && "map" in value && "filter" in value && typeof value.map === "function" && typeof value.filter === "function";
}

/**
 * The phrases Decap's Swedish locale lacks: Decap shows the English one instead ("Add Paragraf" on a list's button).
 * A unit test names any phrase of the English locale that neither has.
 */
export const SWEDISH_ADDITIONS = {
  auth: { loginWithForgejo: "Logga in med Forgejo" },
  collection: {
    collectionTop: { viewAsList: "Visa som lista", viewAsGrid: "Visa som rutnät" },
    entries: { unpublishedHeader: "Opublicerade inlägg" },
  },
  editor: {
    editorControl: { field: { widgetLabel: "Fältet %{widgetLabel}" } },
    editorControlPane: {
      i18n: {
        copyFromLocale: "Fyll i från ett annat språk",
        copyFromLocaleConfirm: "Vill du fylla i från språket %{locale}?\nAllt som redan står här skrivs över.",
      },
    },
    editorInterface: { toggleNotes: "Visa/Dölj anteckningar" },
    editorNotesPane: {
      title: "Anteckningar",
      emptyState: "Inga anteckningar än. Skriv den första nedan.",
      addNote: "Lägg till anteckning",
      addPlaceholder: "Skriv en anteckning …",
      editPlaceholder: "Ändra anteckningen …",
      save: "Spara",
      cancel: "Avbryt",
      edit: "Ändra",
      delete: "Radera",
      resolve: "Markera som klar",
      unresolve: "Markera som inte klar",
      confirmDelete: "Vill du radera anteckningen?",
      shortcut: "Tips: Ctrl+Enter lägger till anteckningen",
    },
    editorToolbar: {
      statusInfoTooltipDraft: "Inlägget är ett utkast. Sätt statusen till ”Under granskning” när det är klart att granskas.",
      statusInfoTooltipInReview: "Inlägget granskas. Du kan fortfarande ändra i det under tiden.",
    },
    editorWidgets: {
      markdown: {
        strikethrough: "Genomstruken",
        toggleMode: { rich: "Byt till formaterad text", markdown: "Byt till Markdown" },
      },
      image: { chooseMultiple: "Välj bilder", addMore: "Lägg till fler bilder", removeAll: "Ta bort alla bilder" },
      file: { chooseMultiple: "Välj filer", addMore: "Lägg till fler filer", removeAll: "Ta bort alla filer" },
      // Decap fills %{fieldLabel} with the field's name (date, updated), not its label: left out.
      datetime: { setToNow: "Sätt till nu" },
      list: { add: "Lägg till %{item}", addType: "Lägg till %{item}" },
      object: { expand: "Visa", collapse: "Dölj" },
    },
  },
  mediaLibrary: { mediaLibraryModal: { close: "Stäng" } },
  ui: {
    settingsDropdown: { account: "Konto" },
    toast: {
      noteAdded: "Anteckningen är tillagd",
      onFailToAddNote: "Kunde inte lägga till anteckningen: %{details}",
      noteUpdated: "Anteckningen är ändrad",
      onFailToUpdateNote: "Kunde inte ändra anteckningen: %{details}",
      noteDeleted: "Anteckningen är raderad",
      onFailToDeleteNote: "Kunde inte radera anteckningen: %{details}",
      noteResolved: "Anteckningen är markerad som klar",
      noteReopened: "Anteckningen är öppen igen",
      onFailToToggleNote: "Kunde inte ändra anteckningens status: %{details}",
    },
  },
};

/**
 * The phrases Decap's Swedish locale has, but left in English: the switch above a text's editor said "Rich Text".
 * A unit test names any other Swedish phrase that is the English one, less words both languages use (Media, Status).
 */
export const SWEDISH_CORRECTIONS = {
  editor: { editorWidgets: { markdown: { richText: "Formaterad text" } } },
};

/**
 * Decap's Swedish phrases as the CMS shows them: corrected, then completed.
 * @param {Record<string, unknown>} swedish
 * @returns {Record<string, unknown>}
 */
export function swedishPhrases(swedish) {
  return withPhrases(/** @type {Record<string, unknown>} */ (SWEDISH_CORRECTIONS), withPhrases(swedish, SWEDISH_ADDITIONS));
}

/**
 * `base` with `additions` filled in where it has no phrase; its own phrases win.
 * @param {Record<string, unknown>} base
 * @param {Record<string, unknown>} additions
 * @returns {Record<string, unknown>}
 */
export function withPhrases(base, additions) {
  /** @type {Record<string, unknown>} */
  const merged = { ...base };
  for (const [key, value] of Object.entries(additions)) {
    const own = merged[key];
    if (value !== null && typeof value === "object") {
      merged[key] = withPhrases(own !== null && typeof own === "object" ? /** @type {Record<string, unknown>} */ (own) : {}, /** @type {Record<string, unknown>} */ (value));
    } else if (own === undefined) {
      merged[key] = value;
    }
  }
  return merged;
}

/**
 * The part of Decap's global CMS object used here.
 * @typedef {{
 *   registerPreviewStyle(href: string): void,
 *   registerEventListener(listener: { name: string, handler: (event: { entry: { get(key: string): unknown } }) => unknown }): void,
 *   getLocale(locale: string): Record<string, unknown> | undefined,
 *   registerLocale(locale: string, phrases: Record<string, unknown>): void,
 * }} DecapCms
 */

// Only in the browser: the unit test imports the function above.
if (typeof window !== "undefined") {
  const script = /** @type {HTMLScriptElement | null} */ (document.querySelector("script[data-preview-style]"));
  const cms = /** @type {{ CMS?: DecapCms }} */ (/** @type {unknown} */ (window)).CMS;
  if (cms) {
    cms.registerLocale("sv", swedishPhrases(cms.getLocale("sv") ?? {}));
    const style = script?.dataset.previewStyle;
    if (style) cms.registerPreviewStyle(style);
    cms.registerEventListener({ name: "preSave", handler: ({ entry }) => withoutEmptyValues(entry.get("data")) });
  }
}

// What every file under the content folder is: a document, an image or attachment the build copies, the editors'
// guide, or a finding (error or warning): nothing is skipped in silence. Only Node's own modules and problems.ts.
import fs from "node:fs";
import path from "node:path";
import { displayPath, type ContentProblem } from "./problems.ts";

/** The folders under the content folder the build copies to the site as they are, and what each may hold. */
export const ASSET_FOLDERS = {
  bilder: { extensions: [".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg"], kind: "bilder", shown: "jpg, jpeg, png, gif, webp, avif eller svg" },
  filer: { extensions: [".pdf"], kind: "PDF-filer", shown: "pdf" },
} as const;

type AssetFolder = keyof typeof ASSET_FOLDERS;

/** The folder of the data files: site settings, organisations, member agencies, the accessibility statement. */
export const DATA_FOLDER = "data";
/**
 * The data files by name (src/content/data-files.ts has their schemas). Names without å, ä, ö: a Mac and Windows
 * may write those letters differently, and the file would then not be found.
 */
export const DATA_FILE_NAMES = ["installningar.yml", "organisationer.yml", "huvudman.yml", "tillganglighet.yml"] as const;
export type DataFileName = (typeof DATA_FILE_NAMES)[number];

export interface ContentAsset {
  /** Absolute path of the file. */
  file: string;
  /**
   * Where the site serves it ("/bilder/styrelsen.jpg"), in Unicode NFC: the link check compares links in NFC, and a
   * name a Mac wrote in NFD would otherwise be a different address from the one every link asks for.
   */
  sitePath: string;
}

export interface ContentInventory {
  /** Markdown files to load as documents (absolute paths, sorted). */
  documents: string[];
  /** Images and attachments the build copies (sorted by site path). */
  assets: ContentAsset[];
  /** The data files found in the data folder, by name (absolute paths). */
  data: Map<DataFileName, string>;
  /** Everything under the folder that is neither, and names that would be published wrongly. */
  problems: ContentProblem[];
}

/** Files an editor keeps beside the content that are not documents, at the folder's top. */
const NOT_DOCUMENTS = new Set(["README.md"]);
/** Git's own files, which keep an empty folder or say what to ignore: never published, nothing to say. */
const REPOSITORY_FILES = new Set([".gitkeep", ".keep", ".gitignore", ".gitattributes"]);
/** Files and folders operating systems leave behind (Finder, Explorer, KDE, unpacked zip files). */
const SYSTEM_NAMES = new Set([".ds_store", "thumbs.db", "ehthumbs.db", "desktop.ini", ".directory", "icon\r", "__macosx", ".spotlight-v100", ".trashes", ".fseventsd"]);
/** Spellings of Markdown the site does not read: the editor meant a document, and it would be missing from the site. */
const OTHER_MARKDOWN = new Set([".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdwn", ".mdtext"]);

/** Back-up and swap files of editors: "x.md~", "#x.md#" (Emacs), "x.md.swp" (Vim), "x.bak", LibreOffice's lock. */
function isBackup(name: string): boolean {
  return /~$|^#.*#$|^\.~lock\..*#$|\.(swp|swo|swx|bak|orig|tmp|old)$/i.test(name);
}

function isSystem(name: string): boolean {
  // "._x.md": the AppleDouble file macOS writes beside every file on a disk that lacks its metadata.
  return name.startsWith("._") || SYSTEM_NAMES.has(name.toLowerCase());
}

/**
 * A name no one typed on purpose: U+FFFD is what Node makes of bytes that are not UTF-8 (a path Node cannot open
 * again), and control characters (a line break, say) would break every line the check prints about the file.
 */
function unreadableName(name: string): boolean {
  return /[\u0000-\u001f\u007f\ufffd]/.test(name);
}

/** Control characters written as escapes ("\u000a"), so a finding that names such a file stays one line. */
function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A path as findings name it: displayPath, with control characters escaped. */
export function shownPath(absolutePath: string): string {
  return escapeControls(displayPath(absolutePath));
}

/** What the walk found at a path the site could publish, for the name collision check. */
interface Kept {
  name: string;
  file: string;
  directory: boolean;
}

class Walk {
  readonly documents: string[] = [];
  readonly assets: ContentAsset[] = [];
  readonly data = new Map<DataFileName, string>();
  readonly problems: ContentProblem[] = [];

  constructor(private readonly root: string) {}

  private report(file: string, severity: ContentProblem["severity"], message: string): void {
    this.problems.push({ file: shownPath(file), severity, message });
  }

  /**
   * Visits one folder and those under it, one readdir each (a Dirent knows a link without another stat). `sitePath`:
   * the folder's path under the content folder, "/bilder/album" ("" at the top).
   */
  folder(dir: string, sitePath: string): void {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "okänt fel";
      this.report(dir, "fel", `mappen går inte att läsa (${code}); kontrollera att den finns och att du har behörighet till den`);
      return;
    }
    const kept: Kept[] = [];
    for (const entry of entries) {
      const file = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) this.link(file);
      // macOS names a folder's custom icon "Icon\r": a system file (a warning below), not a name someone mistyped.
      else if (unreadableName(entry.name) && !isSystem(entry.name)) {
        this.report(file, "fel", `${entry.isDirectory() ? "mappnamnet" : "filnamnet"} innehåller ett tecken som inte går att läsa eller ett osynligt styrtecken; byt namn på ${entry.isDirectory() ? "mappen" : "filen"} (bara bokstäver, siffror, bindestreck och punkt)`);
      } else if (entry.isDirectory()) {
        if (this.directory(file, entry.name)) {
          kept.push({ name: entry.name, file, directory: true });
          this.folder(file, `${sitePath}/${entry.name}`);
        }
      } else if (entry.isFile()) {
        if (this.file(file, entry.name, sitePath)) kept.push({ name: entry.name, file, directory: false });
      } else {
        this.report(file, "varning", "är ingen vanlig fil (utan t.ex. en enhet eller en namngiven pipe) och publiceras inte; ta bort den");
      }
    }
    this.collisions(kept);
  }

  /**
   * Refused, whatever it points at: Eleventy copied a link as a link, and a pages upload follows it, publishing the
   * file of the machine that builds (/etc/passwd, the repository's .git/config with its token). A link to a file
   * inside the folder is refused too: what it publishes would change with the machine the site is built on.
   */
  private link(file: string): void {
    let target = "";
    try {
      target = fs.readlinkSync(file);
    } catch {
      // Read errors leave the target unnamed; the link is refused all the same.
    }
    const resolved = path.resolve(path.dirname(file), target);
    const inside = resolved === this.root || resolved.startsWith(`${this.root}${path.sep}`);
    let what = "filen";
    try {
      if (fs.statSync(file).isDirectory()) what = "mappen";
    } catch {
      // A link to nothing: still a link.
    }
    const where = target === "" ? "" : inside ? ` (pekar på ${shownPath(resolved)})` : ` (pekar utanför innehållsmappen, på ${escapeControls(target)})`;
    this.report(file, "fel", `${what} är en symbolisk länk${where}; länkar publiceras aldrig – lägg in själva ${what} i stället`);
  }

  /** Whether to walk into a folder. Hidden and system folders are said once, not file by file. */
  private directory(file: string, name: string): boolean {
    if (isSystem(name)) {
      this.report(file, "varning", "är en mapp som datorns system skapar, inte en del av innehållet; den publiceras inte och kan tas bort");
      return false;
    }
    if (name.startsWith(".")) {
      this.report(file, "varning", "mappen är dold (namnet börjar med punkt), så inget i den publiceras; byt namn på den om innehållet ska med");
      return false;
    }
    return true;
  }

  /**
   * Sorts one file; true when it is published (a document or an asset). The line between errors and warnings: an
   * error when the editor evidently meant the file for the site and it would be missing or published wrongly; a
   * warning when it is a leftover that is never published and harms nothing by staying.
   */
  private file(file: string, name: string, sitePath: string): boolean {
    if (sitePath === "" && NOT_DOCUMENTS.has(name)) return false;
    if (REPOSITORY_FILES.has(name)) return false;
    if (isSystem(name)) {
      this.report(file, "varning", "är en fil som datorns system skapar, inte en del av innehållet; den publiceras inte och kan tas bort");
      return false;
    }
    if (isBackup(name)) {
      this.report(file, "varning", "ser ut som en säkerhetskopia eller tillfällig fil från ett redigeringsprogram; den publiceras inte och kan tas bort");
      return false;
    }
    if (name.startsWith(".")) {
      this.report(file, "varning", "filen är dold (namnet börjar med punkt) och publiceras inte; ta bort punkten i början om den ska publiceras");
      return false;
    }
    const extension = path.extname(name);
    const lower = extension.toLowerCase();
    if (extension === ".md") {
      this.documents.push(file);
      return true;
    }
    if (OTHER_MARKDOWN.has(lower)) {
      this.report(file, "fel", `webbplatsen läser bara Markdown-filer som slutar på .md (med små bokstäver); byt namn till ${name.slice(0, -extension.length)}.md`);
      return false;
    }
    const top = sitePath.split("/")[1] ?? "";
    if (sitePath === `/${DATA_FOLDER}`) return this.dataFile(file, name);
    if (Object.hasOwn(ASSET_FOLDERS, top)) {
      const folder = ASSET_FOLDERS[top as AssetFolder];
      if ((folder.extensions as readonly string[]).includes(lower)) {
        this.assets.push({ file, sitePath: `${sitePath}/${name}`.normalize("NFC") });
        return true;
      }
      // An error, not a warning: the link check counts every file here as there, so a page could link to one the
      // site would not have.
      this.report(file, "fel", `${top}/ får bara innehålla ${folder.kind} (${folder.shown}), så den här filen publiceras inte; spara om den i ett av de formaten eller flytta den härifrån`);
      return false;
    }
    const belongs = (Object.keys(ASSET_FOLDERS) as AssetFolder[]).find((key) => (ASSET_FOLDERS[key].extensions as readonly string[]).includes(lower));
    if (belongs) {
      this.report(file, "varning", `publiceras inte: bara ${ASSET_FOLDERS[belongs].kind} i ${shownPath(path.join(this.root, belongs))}/ kopieras till webbplatsen; flytta filen dit och skriv /${belongs}/${name}`);
      return false;
    }
    this.report(file, "varning", `okänd fil som inte publiceras: webbplatsen publicerar dokument (.md) i dokumentmapparna, bilder i ${shownPath(path.join(this.root, "bilder"))}/ och PDF-filer i ${shownPath(path.join(this.root, "filer"))}/; flytta eller ta bort filen`);
    return false;
  }

  /**
   * A file in the data folder. A known name spelt otherwise (".yaml", capitals) is an error: the editor meant that
   * file, and the site would go on without their change. Anything else there is a leftover, a warning.
   */
  private dataFile(file: string, name: string): boolean {
    const known = DATA_FILE_NAMES.find((dataName) => dataName === name);
    if (known) {
      this.data.set(known, file);
      return true;
    }
    // "Inställningar.yaml" and "organisationer.YML" are the editor's spelling of a known name.
    const stem = name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\.ya?ml$/, "");
    const meant = DATA_FILE_NAMES.find((dataName) => dataName.replace(/\.yml$/, "") === stem);
    const names = DATA_FILE_NAMES.join(", ");
    if (meant) this.report(file, "fel", `datafilen läses bara om den heter ${meant}; byt namn på filen`);
    else this.report(file, "varning", `okänd fil i ${DATA_FOLDER}/, som webbplatsen inte läser: datafilerna är ${names}; flytta eller ta bort filen`);
    return false;
  }

  /**
   * Names in one folder that a case-insensitive or normalising file system (macOS, Windows, many hosts) takes for
   * one: a checkout there keeps only one of them, so what is published would depend on the machine. Errors both.
   */
  private collisions(kept: readonly Kept[]): void {
    const first = new Map<string, Kept>();
    const clashes = new Map<string, Kept[]>();
    for (const entry of kept) {
      const key = entry.name.normalize("NFC").toLowerCase();
      const earlier = first.get(key);
      if (!earlier) first.set(key, entry);
      else clashes.set(key, [...(clashes.get(key) ?? [earlier]), entry]);
    }
    for (const group of clashes.values()) {
      for (const entry of group) {
        const others = group.filter((other) => other !== entry);
        const noun = entry.directory ? "mappnamnet" : "filnamnet";
        const sameLetters = others.every((other) => other.name.normalize("NFC") === entry.name.normalize("NFC"));
        const named = others.map((other) => shownPath(other.file)).join(", ");
        this.report(
          entry.file,
          "fel",
          sameLetters
            ? `${noun} skiljer sig bara i hur å/ä/ö är kodade (Unicode NFC/NFD) från ${named}; de ser likadana ut men blir olika filer på en del datorer och samma på andra – byt namn på eller ta bort den ena`
            : `${noun} skiljer sig bara i stora/små bokstäver från ${named}; på många datorer och webbservrar blir de samma fil – byt namn på eller ta bort den ena`,
        );
      }
    }
  }
}

/** Walks the content folder once and sorts every file under it (see ContentInventory). */
export function listContent(contentDir: string): ContentInventory {
  const root = path.resolve(contentDir);
  if (!fs.existsSync(root)) return { documents: [], assets: [], data: new Map(), problems: [] };
  const walk = new Walk(root);
  walk.folder(root, "");
  return {
    documents: walk.documents.sort(),
    assets: walk.assets.sort((a, b) => (a.sitePath < b.sitePath ? -1 : a.sitePath > b.sitePath ? 1 : 0)),
    data: walk.data,
    problems: walk.problems,
  };
}

/** The Markdown files to load as documents (absolute paths, sorted). */
export function listMarkdownFiles(contentDir: string): string[] {
  return listContent(contentDir).documents;
}

// What goes wrong in content, in a form both the build and `check` can print: file, line, Swedish text.
import { relativePath } from "./relative-path.ts";

export type Severity = "fel" | "varning";

export interface ContentProblem {
  /** Path as the editor sees it, relative to the working folder, with forward slashes. */
  file: string;
  line?: number;
  column?: number;
  field?: string;
  severity: Severity;
  message: string;
  /**
   * An error even in a draft (personal data: the draft is in the repository already). Every other error in a draft
   * is a warning: one editor's unfinished draft must not stop the build that publishes everyone else's documents.
   */
  evenInDraft?: true;
}

/** A draft's problems: its errors are warnings that say the draft cannot be published like this (see evenInDraft). */
export function asDraftProblems(problems: readonly ContentProblem[]): ContentProblem[] {
  return problems.map((problem) =>
    problem.severity === "fel" && !problem.evenInDraft
      ? { ...problem, severity: "varning", message: `${problem.message} (utkast: rätta det innan utkastet publiceras)` }
      : problem,
  );
}

export function displayPath(absolutePath: string): string {
  return relativePath(process.cwd(), absolutePath);
}

/** "path:line:column nivå: meddelande": editors and CI logs make the location clickable. */
/** path:line:column, as far as the problem has them. */
export function problemLocation(problem: ContentProblem): string {
  return [problem.file, problem.line, problem.line !== undefined ? problem.column : undefined]
    .filter((part) => part !== undefined)
    .join(":");
}

export function formatProblem(problem: ContentProblem): string {
  return `${problemLocation(problem)} ${problem.severity}: ${problem.message}`;
}

/** Errors before warnings (what stops publishing comes first), then by file and position. */
export function sortProblems(problems: readonly ContentProblem[]): ContentProblem[] {
  const rank = (problem: ContentProblem): number => (problem.severity === "fel" ? 0 : 1);
  return [...problems].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
}

/** The report a failed build prints: every problem, then what to do, in plain Swedish. */
export function formatReport(problems: readonly ContentProblem[]): string {
  const errors = problems.filter((problem) => problem.severity === "fel");
  const files = new Set(errors.map((problem) => problem.file));
  const lines = [
    `Bygget stoppades: ${errors.length} fel i ${files.size} ${files.size === 1 ? "fil" : "filer"}.`,
    "",
    ...sortProblems(problems).map(formatProblem),
    "",
    "Rätta felen ovan och bygg igen. Inget har publicerats.",
  ];
  return lines.join("\n");
}

/** Thrown when content cannot be published; carries every problem found, not just the first. */
export class ContentError extends Error {
  readonly problems: readonly ContentProblem[];
  /** Read by Eleventy's error printer (dev server): the editor needs the list, not a stack trace. */
  readonly skipOriginalStack = true;

  constructor(problems: readonly ContentProblem[]) {
    super(formatReport(problems));
    this.name = "ContentError";
    this.problems = problems;
  }
}

/** Shows a value the way the editor wrote it: strings in quotes, lists and objects as short YAML-ish text. */
export function describeFound(value: unknown): string {
  if (value === undefined) return "saknas";
  if (value === null) return "tomt";
  if (typeof value === "string") {
    const shown = value.length > 80 ? `${value.slice(0, 77)}…` : value;
    // Invisible direction controls would reorder the message itself: show them as their code points.
    return `"${shown.replace(/[\u202A-\u202E\u2066-\u2069]/g, (character) => `<U+${character.charCodeAt(0).toString(16).toUpperCase()}>`)}"`;
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.length === 0 ? "en tom lista" : `en lista med ${value.length} ${value.length === 1 ? "post" : "poster"}`;
  return "en uppsättning fält";
}

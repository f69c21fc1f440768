// The import report in plain Swedish: per file what was written where, what was guessed and why, what
// was removed, and what a human must look at; then one summary line.
import path from "node:path";
import { displayPath } from "../content/problems.ts";
import type { Note } from "./chrome.ts";
import type { FileReport } from "./index.ts";

function shown(file: string): string {
  return displayPath(path.resolve(file));
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function lines(notes: readonly Note[]): string {
  return notes.map((note) => `rad ${note.line}: ${note.text}`).join("; ");
}

function privacySummary(notes: readonly Note[]): string {
  const emails = notes.filter((note) => note.text.startsWith("e-post")).length;
  const phones = notes.filter((note) => note.text.startsWith("telefon")).length;
  const parts = [emails > 0 ? plural(emails, "e-postadress", "e-postadresser") : "", phones > 0 ? plural(phones, "telefonnummer", "telefonnummer") : ""];
  const where = [...new Set(notes.map((note) => note.line))].join(", ");
  return `${parts.filter(Boolean).join(" och ")} (rad ${where}); de finns inte i utkastet`;
}

export function formatFileReport(report: FileReport): string {
  const out: string[] = [shown(report.source)];
  if (report.outcome === "fanns redan") {
    out.push(`  hoppade över: ${shown(report.target)} finns redan (importen skriver aldrig över en fil)`);
    return out.join("\n");
  }
  out.push(`  skrev utkast: ${shown(report.target)}`);
  out.push(`  typ: ${report.type} (${report.typeReason})`);
  out.push(`  rubrik: "${report.title}"`);
  out.push(`  datum: ${report.date} (${report.dateReason})`);
  if (report.guessed.length > 0) {
    out.push("  gissat:");
    for (const entry of report.guessed) out.push(`    - ${entry.field}: ${entry.reason}`);
  }
  if (report.removed.length > 0) out.push(`  borttaget: ${lines(report.removed)}`);
  if (report.ligatures.length > 0) {
    out.push(`  lagade ligaturer: ${report.ligatures.map((repair) => `rad ${repair.line} ${repair.from} → ${repair.to}`).join("; ")}`);
  }
  if (report.privacy.length > 0) out.push(`  personuppgifter borttagna: ${privacySummary(report.privacy)}`);
  if (report.human.length === 0) {
    out.push("  behöver en människa: inget utöver en genomläsning");
  } else {
    out.push("  behöver en människa:");
    for (const note of report.human) {
      const where = [note.line !== undefined ? `rad ${note.line}` : "", note.field ?? ""].filter(Boolean).join(", ");
      out.push(`    - ${where ? `${where}: ` : ""}${note.text}`);
    }
  }
  return out.join("\n");
}

export function formatSummary(reports: readonly FileReport[]): string {
  const written = reports.filter((report) => report.outcome === "skrivet");
  const skipped = reports.length - written.length;
  const toCheck = written.reduce((sum, report) => sum + report.human.length, 0);
  if (reports.length === 0) return "Inga .txt-filer hittades: inget importerades.";
  return [
    `Klart: ${plural(written.length, "utkast skrivet", "utkast skrivna")}, ${skipped} hoppade över (fanns redan), ${plural(toCheck, "sak", "saker")} att kontrollera.`,
    written.length > 0 ? "Utkasten har draft: true och syns bara i förhandsvisningen (npm start) tills någon har gått igenom dem." : "",
  ]
    .filter(Boolean)
    .join(" ");
}

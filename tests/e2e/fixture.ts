// A content tree for the browser tests with every page type populated: every document type (with the
// optional fields, a lead image, Markdown with headings, lists, a table, a quote, internal and fragment
// links), enough news for more than one listing page, tags with å/ä/ö, several organisations and years.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";

/** Number of generated news items: more than any sensible listing page holds, so pagination shows. */
export const NEWS_COUNT = 24;

const RICH_BODY = `Samordningsförbundet har under året arbetat med att utveckla samverkan mellan parterna.

## Bakgrund

Arbetet började med en kartläggning. Läs mer i [nyheten om den nya förbundschefen](/nyheter/2024/ny-forbundschef/)
eller hoppa till [resultaten](#resultat).

- Arbetsförmedlingen
- Försäkringskassan
- Region och kommuner

> Det viktigaste är att vi lyssnar på varandra.

## Resultat

| Insats | Deltagare | Andel i arbete |
| --- | ---: | ---: |
| Utgångspunkten | 120 | 70 % |
| Steget vidare | 45 | 52 % |

1. Fler deltagare i arbete eller studier.
2. Bättre kunskap om varandras uppdrag.

Mer om Finsam finns på [finsam.se](https://finsam.se/).
`;

function news(index: number): [string, string] {
  const year = 2015 + (index % 11);
  const day = String(1 + (index % 27)).padStart(2, "0");
  const slug = `nyhet-nummer-${index + 1}`;
  const organisations = ["nationella-radet", "nns", "blekinge", "sodra-dalarna", "finsam-goteborg"];
  const tags = [["Samverkan"], ["Personal", "Öppenhet"], ["Arbetsmiljö"], []][index % 4]!;
  return [
    `nyheter/${year}-03-${day}-${slug}.md`,
    markdownFile(
      {
        title: `Nyhet nummer ${index + 1} från samverkan`,
        date: `${year}-03-${day}`,
        summary: `En kort ingress till nyhet nummer ${index + 1}.`,
        organisation: organisations[index % organisations.length],
        tags,
      },
      `Text till nyhet nummer ${index + 1}. Samverkan mellan myndigheterna fortsätter.`,
    ),
  ];
}

// Standalone (no Eleventy imports): the e2e global setup writes this tree in vitest's main process.
function markdownFile(frontMatter: Record<string, unknown>, body: string): string {
  const yaml = Object.entries(frontMatter).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  return `---\n${yaml.join("\n")}\n---\n${body}\n`;
}

/** tests/fixtures/mixed/data: the test content trees' one set of data files (tests/helpers/build.ts FIXTURE_DATA). */
const FIXTURE_DATA = path.resolve(import.meta.dirname, "../fixtures/mixed/data");

function writeContent(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "finsam-e2e-content-"));
  for (const [relative, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    fs.writeFileSync(path.join(dir, relative), text);
  }
  return dir;
}

/** Writes the tree into a fresh temporary folder and returns its path. */
export function e2eFixture(): string {
  const dir = writeContent({
    ...Object.fromEntries(Array.from({ length: NEWS_COUNT }, (_, index) => news(index))),
    "nyheter/2024-05-01-ny-forbundschef.md": markdownFile(
      {
        title: "Ny förbundschef i Älv & Kust",
        date: "2024-05-01",
        updated: "2024-05-03",
        summary: "Samordningsförbundet Älv & Kust har fått en ny förbundschef.",
        organisation: "alv-och-kust",
        tags: ["Personal", "Älv och kust", "Förbundschefer"],
        authors: ["Kommunikatören"],
        person: "Henrik Andersson",
        role: "förbundschef",
        change: "börjar",
        effectiveDate: "2024-06-01",
        image: "/bilder/kust.png",
        imageAlt: "Ett blått hav under en ljus himmel.",
        imageCaption: "Havet utanför kansliet en morgon i maj.",
        imageCredit: "Kommunikatören",
      },
      `${RICH_BODY}\n![Kusten i två blå toner](/bilder/kust.png "Kusten norr om kansliet")\n`,
    ),
    "konferenser/2024-10-24-hostkonferens.md": markdownFile(
      {
        title: "Höstkonferens för förbundschefer",
        date: "2024-10-24",
        summary: "Två dagar om arbetsmiljö, jämställdhet och samverkan.",
        organisation: "nationella-radet",
        tags: ["Arbetsmiljö", "Jämställdhet", "Samverkan"],
        event: "Förbundschefsdagar",
        startDate: "2024-10-22",
        endDate: "2024-10-23",
        place: "Saltsjöbaden",
        speakers: [
          { name: "Malin Lundblad", affiliation: "Försäkringskassan" },
          { name: "Åse Larsson", affiliation: "Arbetsförmedlingen" },
        ],
      },
      RICH_BODY,
    ),
    "konferenser/2023-04-12-endagskonferens.md": markdownFile(
      {
        title: "Endagskonferens om uppföljning",
        date: "2023-04-12",
        summary: "En dag om hur förbunden följer upp sina insatser.",
        organisation: "nns",
        tags: ["Uppföljning"],
        event: "Uppföljningsdagen",
        startDate: "2023-04-11",
        endDate: "2023-04-11",
        place: "Stockholm",
      },
      "En dag med många goda exempel.",
    ),
    "brev/2014-01-25-brev-till-styrelsen.md": markdownFile(
      {
        title: "Brev till styrelsen",
        date: "2014-01-25",
        summary: "Samordnaren skriver till styrelsen om året som gått.",
        organisation: "norra-vastmanland",
        tags: ["Styrelsearbete"],
        sender: "Jonas Wells",
        senderRole: "Samordnare",
        senderOrganisation: "norra-vastmanland",
        recipient: "Styrelsen",
        letterDate: "2014-01-25",
      },
      "Till styrelsen.\n\nÅret har varit händelserikt.\n\nMed vänliga hälsningar",
    ),
    "minnen/2020-06-01-fjorton-ar.md": markdownFile(
      {
        title: "Fjorton år i samverkan",
        date: "2020-06-01",
        summary: "En förbundschef ser tillbaka.",
        organisation: "alv-och-kust",
        tags: ["Förbundschefer", "Samverkan"],
        author: "Per Liljebäck",
        yearFrom: 2006,
        yearTo: 2020,
        successor: "Henrik",
      },
      RICH_BODY,
    ),
    "protokoll/2023-06-08-protokoll-maj.md": markdownFile(
      {
        title: "Protokoll styrelsemöte 8 maj 2023",
        date: "2023-06-08",
        summary: "Styrelsen höll workshop om styrelsearbetet.",
        organisation: "blekinge",
        tags: ["Styrelsearbete", "Uppföljning"],
        meetingDate: "2023-05-08",
        startTime: "08.30",
        endTime: "12.00",
        place: "Karlskrona",
        present: ["Ingrid Hermansson, ordförande", "Karin Blomdahl, ledamot"],
        chair: "Ingrid Hermansson",
        adjusters: ["Karin Blomdahl"],
        secretary: "Magnus von Schenck",
        agenda: [
          { section: 1, heading: "Mötets öppnande", decision: "Ordföranden öppnade mötet." },
          { section: 2, heading: "Val av justerare", decision: "Styrelsen valde Karin Blomdahl." },
          { section: 3, heading: "Övriga frågor" },
        ],
        signatures: [
          { name: "Magnus von Schenck", role: "Sekreterare", signedAt: "2023-06-08T07:58:34Z" },
          { name: "Ingrid Hermansson", role: "Ordförande", signedAt: "2023-06-08T10:13:12Z" },
        ],
      },
      "## Diskussion\n\nStyrelsen diskuterade inriktningen för nästa år.",
    ),
  });
  fs.mkdirSync(path.join(dir, "bilder"), { recursive: true });
  fs.writeFileSync(path.join(dir, "bilder", "kust.png"), SEA_PNG);
  // The data files every test content tree gets (settings, organisations …), as they are.
  fs.cpSync(FIXTURE_DATA, path.join(dir, "data"), { recursive: true });
  return dir;
}

/**
 * A sea under a sky, 1600 × 900, made here: a lead image as wide as the check wants one, from which the build makes
 * its renditions (src/outputs/images/).
 */
const SEA_PNG = png(1600, 900, (_x, y) => (y < 500 ? [120, 180 - Math.floor(y / 10), 230] : [30, 90 - Math.floor((y - 500) / 8), 160]));

function png(width: number, height: number, colour: (x: number, y: number) => [number, number, number]): Buffer {
  const rows = Array.from({ length: height }, (_, y) =>
    Buffer.from([0, ...Array.from({ length: width }, (_, x) => colour(x, y)).flat()]),
  );
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

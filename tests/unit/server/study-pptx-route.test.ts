/**
 * GET /api/study.pptx in-process on the REAL offline snapshot, read by a reader nobody here wrote:
 * the default deck is converted to PDF by LibreOffice (Debian's libreoffice-impress, which .ci/run
 * installs) and its pages and text are checked with poppler's pdfinfo and pdftotext; the zip itself
 * is checked for slides, native chart parts with their data, and no NaN or undefined anywhere.
 * One conversion for the file, started as soon as the deck is fetched so the structural checks run
 * meanwhile.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.ts';
import { SnapshotSource } from '../../../server/sources/snapshot-source.ts';
import { computeStudyJob } from '../../../server/study/study-job.ts';
import { PROJECT_ROOT } from '../../../server/versions.ts';

const run = promisify(execFile);
const NOW = new Date('2026-11-28T07:00:00.000Z');
const SNAPSHOT = new SnapshotSource(path.join(PROJECT_ROOT, 'data/snapshot'));
const BOTH_EVENTS = 'events=us-election-2024,ishiba-trump-call-2024';

let workDir: string;
let deck: Buffer;
let zip: JSZip;
let pdf: Promise<{ pages: number; size: string; text: string[] }>;

async function fetchDeck(query: string): Promise<Response> {
  const app = createApp({ mode: 'snapshot', sources: { snapshot: SNAPSHOT }, runStudyJob: computeStudyJob, now: () => NOW });
  return app.request(`/api/study.pptx${query}`);
}

/** LibreOffice's PDF of a deck, read page by page; its own profile folder so it never waits on another soffice. */
async function convert(file: string): Promise<{ pages: number; size: string; text: string[] }> {
  const profile = `file://${path.join(workDir, 'lo-profile')}`;
  await run('libreoffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', workDir, file], { timeout: 120_000 });
  const pdfFile = file.replace(/\.pptx$/, '.pdf');
  const info = (await run('pdfinfo', [pdfFile])).stdout;
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  const size = /Page size:\s+([\d.]+ x [\d.]+)/.exec(info)?.[1] ?? '';
  const text = (await run('pdftotext', ['-layout', pdfFile, '-'])).stdout.split('\f').slice(0, pages);
  return { pages, size, text };
}

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'kabuto-pptx-'));
  const response = await fetchDeck('');
  expect(response.status).toBe(200);
  deck = Buffer.from(await response.arrayBuffer());
  const file = path.join(workDir, 'default.pptx');
  await writeFile(file, deck);
  pdf = convert(file);
  // Rejections are awaited by the tests that read the PDF; this keeps an early one from going unhandled.
  pdf.catch(() => undefined);
  zip = await JSZip.loadAsync(deck);
}, 120_000);

afterAll(async () => {
  await pdf.catch(() => undefined);
  await rm(workDir, { recursive: true, force: true });
});

const partsMatching = (pattern: RegExp) => Object.keys(zip.files).filter((name) => pattern.test(name)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));

describe('GET /api/study.pptx, the zip', () => {
  it('answers a PowerPoint attachment named after the study', async () => {
    const response = await fetchDeck('');
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="kabuto-us-election-2024-[0-9a-f]{8}-deck\.pptx"$/);
    expect(deck.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('holds at least 6 slides, each with notes, and native charts with their data (cached values and an embedded workbook)', async () => {
    const slides = partsMatching(/^ppt\/slides\/slide\d+\.xml$/);
    expect(slides.length).toBeGreaterThanOrEqual(6);
    expect(partsMatching(/^ppt\/notesSlides\/notesSlide\d+\.xml$/)).toHaveLength(slides.length);
    const charts = partsMatching(/^ppt\/charts\/chart\d+\.xml$/);
    // The event slide's price and AR charts, and the group's chart.
    expect(charts).toHaveLength(3);
    for (const chart of charts) {
      const xml = (await zip.file(chart)?.async('string')) ?? '';
      expect(xml).toMatch(/<c:(lineChart|barChart)>/);
      expect(xml).toContain('<c:numCache>');
      // Every axis id a chart names is an axis it defines (PptxGenJS #1534 writes an orphan third one).
      const defined = new Set([...xml.matchAll(/<c:(?:catAx|valAx|serAx)>\s*<c:axId val="(\d+)"\/>/g)].map((match) => match[1]));
      const named = [...xml.matchAll(/<c:axId val="(\d+)"\/>/g)].map((match) => match[1]);
      expect(named.filter((id) => !defined.has(id))).toEqual([]);
    }
    expect(partsMatching(/^ppt\/embeddings\/.*\.xlsx$/).length).toBe(charts.length);
  });

  it('never writes NaN, undefined, null or Infinity into any part', async () => {
    for (const name of partsMatching(/\.xml$/)) {
      const xml = (await zip.file(name)?.async('string')) ?? '';
      expect(xml, name).not.toMatch(/NaN|undefined|>null<|Infinity/);
    }
  });

  it("puts the source line and the parameters in every slide's notes, without repositories or commits", async () => {
    for (const name of partsMatching(/^ppt\/notesSlides\/notesSlide\d+\.xml$/)) {
      const xml = (await zip.file(name)?.async('string')) ?? '';
      expect(xml, name).toContain('Parameters: Market model; simple returns; estimation [-250, -11]');
      expect(xml, name).not.toMatch(/keroppa88|commit/);
    }
    const first = (await zip.file('ppt/notesSlides/notesSlide1.xml')?.async('string')) ?? '';
    expect(first).toContain('Source: Prices: JPX via J-Quants, split-adjusted; TOPIX: JPX');
  });
});

describe('GET /api/study.pptx, as LibreOffice renders it', () => {
  it('prints one 16:9 page per slide', async () => {
    const { pages, size } = await pdf;
    expect(pages).toBe(partsMatching(/^ppt\/slides\/slide\d+\.xml$/).length);
    const [width, height] = size.split(' x ').map(Number);
    expect((width ?? 0) / (height ?? 1)).toBeCloseTo(16 / 9, 2);
  });

  it('shows the answer with its notice, the event with its key numbers and drawn charts, the group under its test, the claims with their verdicts, methods and glossary, in that order', async () => {
    const { text } = await pdf;
    const page = (index: number) => (text[index] ?? '').replace(/\s+/g, ' ');
    expect(page(0)).toContain('IHI Corporation +16.25 % and Mitsubishi Heavy Industries +6.39 % on day 0 of the US presidential election');
    // The guardrail's warning stands where the numbers are.
    expect(page(0)).toContain('lies inside the estimation window of Mitsubishi Heavy Industries and IHI Corporation');
    expect(page(0)).toMatch(/All 2, equally weighted \+11\.32 %/);
    expect(page(1)).toContain('US presidential election · day 0 Wed 6 Nov 2024');
    expect(page(1)).toMatch(/IHI Corporation \+16\.25 % \+14\.57 % \+10\.96 % 9\.0× usual 7013\.T p < 0\.001 — significant at 1 %/);
    expect(page(1)).toMatch(/Mitsubishi Heavy Industries \+6\.39 % \+4\.12 % \+6\.27 % 2\.8× usual 7011\.T p = 0\.004 — significant at 1 %/);
    // Issue 16: IHI's abnormal volume on day 0, on the answer and the event slide.
    for (const index of [0, 1]) expect(page(index)).toContain('AV t = 3.37, p < 0.001 — significant at 1 %');
    // Axis labels and legends exist only when LibreOffice drew the native charts.
    expect(page(1)).toContain('CAR IHI Corporation');
    expect(page(1)).toMatch(/\+10/);
    expect(page(2)).toContain('Group result: Portfolio time-series t');
    expect(page(3)).toContain('What the article says, what the market did');
    expect(page(3)).toMatch(/witnessed significant gains.*supported/);
    expect(page(3)).toMatch(/Ishiba–Trump telephone call not in this study/);
    expect(page(4)).toContain('Methods and sources');
    expect(page(5)).toContain('Glossary');
    for (const index of [0, 1, 2, 3, 4]) expect(page(index)).toContain('Source: Prices: JPX via J-Quants, split-adjusted; TOPIX: JPX');
    for (const index of text.keys()) expect(page(index)).toContain('Market model · estimation [-250, -11] · event window [-5, +10]');
  });
});

describe('GET /api/study.pptx with the call added', () => {
  it('gives each event its own slide and the opening paragraph a verdict per event', async () => {
    const response = await fetchDeck(`?${BOTH_EVENTS}`);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="kabuto-us-election-2024_ishiba-trump-call-2024-[0-9a-f]{8}-deck\.pptx"$/);
    const both = await JSZip.loadAsync(await response.arrayBuffer());
    const slideText = async (number: number) => ((await both.file(`ppt/slides/slide${number}.xml`)?.async('string')) ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    // The answer on two slides, each event, each event's group, the claims, methods and two glossary slides.
    expect(Object.keys(both.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))).toHaveLength(10);
    expect(await slideText(1)).toContain('overlap: their event windows share 15 of 16 trading days');
    expect(await slideText(2)).toContain('The answer, continued');
    expect(await slideText(4)).toContain('Ishiba–Trump telephone call · day 0 Thu 7 Nov 2024');
    expect(await slideText(6)).toContain('Group result: Portfolio time-series t · Ishiba–Trump telephone call');
    const claims = await slideText(7);
    expect(claims).toMatch(/Ishiba–Trump telephone call Mitsubishi Heavy Industries -2\.27 % p = 0\.299 — not significant \+0\.68 % p = 0\.827 — not significant not supported/);
    expect(claims).toMatch(/US presidential election Mitsubishi Heavy Industries \+6\.39 %.*supported/);
  });

  it('follows the study: another model and estimation window change the verdict on the slide', async () => {
    const response = await fetchDeck('?model=mean-adjusted&estimation=-75:-45');
    const changed = await JSZip.loadAsync(await response.arrayBuffer());
    const claims = ((await changed.file('ppt/slides/slide4.xml')?.async('string')) ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(claims).toMatch(/witnessed significant gains.* mixed/);
  });
});

/**
 * Browser security of the served dashboard, in real Chromium against the real server on the
 * offline snapshot: the Content-Security-Policy header (read from server/security-headers.ts) on
 * every kind of response, Chromium enforcing it on injected inline script, and hostile text typed
 * into the page's excerpt form or shipped in the committed article rendered as inert text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../server/security-headers.ts';
import { parseArticle } from '../../src/domain/article-format.ts';
import { PROJECT_ROOT } from './helpers/harness.ts';
import { IHI_DAY_ZERO_CELL, useServerAndBrowser } from './helpers/lifecycle.ts';

/** Markup and a javascript: link, the classic ways text becomes code when rendered as HTML. */
const HOSTILE_TEXT = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> [link](javascript:window.__pwned=3)';

/** Records every CSP violation of the page from before its first script runs. */
const RECORD_VIOLATIONS = `window.__violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__violations.push({ directive: event.effectiveDirective, blockedURI: event.blockedURI, disposition: event.disposition });
});`;

interface Violation {
  directive: string;
  blockedURI: string;
  disposition: string;
}

const e2e = useServerAndBrowser();

/** A fresh context (empty storage) whose page records CSP violations, opened on the dashboard. */
async function openDashboard(): Promise<{ context: BrowserContext; page: Page; pageErrors: string[] }> {
  const context = await e2e.browser.newContext({ viewport: { width: 1440, height: 1000 } });
  await context.addInitScript({ content: RECORD_VIOLATIONS });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(e2e.server.url);
  await page.locator(IHI_DAY_ZERO_CELL).waitFor();
  return { context, page, pageErrors };
}

function directivesOf(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/**
 * The page's CSP violations except `eval`: two libraries probe whether eval works and fall back
 * when it does not (@stdlib's generator-support check runs eval, zod's JIT check runs Function),
 * so the policy reports those at start-up. Markup or links can only cause `inline` violations.
 */
const violationsOf = (page: Page) =>
  page.evaluate(() => (window as unknown as { __violations: Violation[] }).__violations.filter((violation) => violation.blockedURI !== 'eval'));
const pwnedOf = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);

describe('the Content-Security-Policy header', () => {
  it('allows scripts only from our origin, no plugins and no framing', () => {
    const directives = directivesOf(SECURITY_HEADERS['Content-Security-Policy'] ?? '');
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'self'"]);
    // Styles may be inline (recharts sets style attributes) and images data:/blob: (chart export); nothing else is loosened.
    const permissive = /^'unsafe-|^\*$|^(data|blob|https?):$/;
    const loosened = [...directives]
      .filter(([name]) => name !== 'style-src' && name !== 'img-src')
      .flatMap(([name, sources]) => sources.filter((source) => permissive.test(source)).map((source) => `${name} ${source}`));
    expect(loosened).toEqual([]);
  });

  it('is sent on the page, its script, the API, API errors and unknown paths', async () => {
    const html = await (await fetch(e2e.server.url)).text();
    const entryScript = /<script type="module" crossorigin src="([^"]+)"/.exec(html)?.[1];
    if (!entryScript) throw new Error(`the served index.html has no module script: ${html.slice(0, 300)}`);
    const paths = ['/', entryScript, '/api/health', '/api/prices?symbols=NOT%20A%20SYMBOL&from=2024-01-01&to=2024-12-31', '/no-such-page'];
    for (const requestPath of paths) {
      const response = await fetch(new URL(requestPath, e2e.server.url));
      await response.arrayBuffer();
      expect({ requestPath, policy: response.headers.get('content-security-policy') }).toEqual({ requestPath, policy: SECURITY_HEADERS['Content-Security-Policy'] });
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('is what Chromium receives with the dashboard, and the dashboard needs no inline script under it', async () => {
    const context = await e2e.browser.newContext();
    await context.addInitScript({ content: RECORD_VIOLATIONS });
    const page = await context.newPage();
    const response = await page.goto(e2e.server.url);
    await page.locator(IHI_DAY_ZERO_CELL).waitFor({ timeout: 15_000 });
    expect(response?.headers()['content-security-policy']).toBe(SECURITY_HEADERS['Content-Security-Policy']);
    const inlineScripts = await page.evaluate(() => [...document.querySelectorAll('script')].filter((script) => !script.src).length);
    expect(inlineScripts).toBe(0);
    // The whole default view (charts with inline styles included) renders without tripping the
    // policy, apart from the libraries' eval probes, which are blocked and fall back.
    expect(await violationsOf(page)).toEqual([]);
    const evalProbes = await page.evaluate(() => (window as unknown as { __violations: Violation[] }).__violations.filter((violation) => violation.blockedURI === 'eval'));
    expect(evalProbes.every((violation) => violation.directive === 'script-src' && violation.disposition === 'enforce')).toBe(true);
    await context.close();
  });
});

describe('Chromium enforcing the policy on the dashboard', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => ({ context, page } = await openDashboard()));
  afterAll(async () => context?.close());

  it('does not run an inline <script> injected into the page, and fires securitypolicyviolation for it', async () => {
    const outcome = await page.evaluate(async () => {
      const violation = new Promise<{ directive: string; blockedURI: string } | null>((resolve) => {
        document.addEventListener('securitypolicyviolation', (event) => resolve({ directive: event.effectiveDirective, blockedURI: event.blockedURI }), { once: true });
        setTimeout(() => resolve(null), 3_000);
      });
      const script = document.createElement('script');
      script.textContent = 'window.__pwned = true;';
      document.body.appendChild(script);
      return { violation: await violation, pwned: (window as unknown as { __pwned?: unknown }).__pwned };
    });
    expect(outcome.pwned).toBeUndefined();
    expect(outcome.violation).toEqual({ directive: 'script-src-elem', blockedURI: 'inline' });
  });

  it('blocks inline event handlers and javascript: links as well', async () => {
    await page.evaluate(() => {
      const image = document.createElement('img');
      image.setAttribute('onerror', 'window.__pwned = "handler"');
      image.src = '/no-such-image.png';
      const link = document.createElement('a');
      link.href = 'javascript:window.__pwned = "link"';
      link.textContent = 'made-up link';
      document.body.append(image, link);
      link.click();
    });
    // Both refusals are reported once the image has failed to load and the link has been followed:
    // wait for the reports themselves, not for a fixed time (a handler the policy let run would never report).
    await page.waitForFunction(() => {
      const directives = (window as unknown as { __violations: { directive: string }[] }).__violations.map((violation) => violation.directive);
      return directives.includes('script-src-attr') && directives.filter((directive) => directive === 'script-src-elem').length >= 2;
    });
    await page.evaluate(() => document.querySelectorAll('img[onerror], a[href^="javascript:"]').forEach((element) => element.remove()));
    expect(await pwnedOf(page)).toBeUndefined();
    const directives = (await violationsOf(page)).map((violation) => violation.directive);
    expect(directives).toContain('script-src-attr');
    expect(directives.filter((directive) => directive === 'script-src-elem').length).toBeGreaterThanOrEqual(2); // the <script> above and the javascript: link
  });

  it('is what stops them: the same injection runs in a page served without the policy', async () => {
    const unprotected = await context.newPage();
    await unprotected.setContent('<!doctype html><body></body>');
    const pwned = await unprotected.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__pwned = true;';
      document.body.appendChild(script);
      return (window as unknown as { __pwned?: unknown }).__pwned;
    });
    expect(pwned).toBe(true);
    await unprotected.close();
  });
});

describe('a hostile excerpt typed into the page', () => {
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];
  let scriptsBefore: string[];

  beforeAll(async () => {
    ({ context, page, pageErrors } = await openDashboard());
    scriptsBefore = await page.evaluate(() => [...document.querySelectorAll('script')].map((script) => script.outerHTML));
    const form = page.locator('form.add-excerpt');
    await form.getByLabel('Excerpt', { exact: true }).fill(HOSTILE_TEXT);
    await form.getByLabel('Source (article, outlet, date)').fill(HOSTILE_TEXT);
    await form.getByRole('button', { name: 'Add excerpt' }).click();
    await page.locator('button.excerpt[data-excerpt-id="user-1"]').waitFor();
  });
  afterAll(async () => context?.close());

  async function expectInert(): Promise<void> {
    const card = page.locator('button.excerpt[data-excerpt-id="user-1"]');
    expect(await card.locator('.excerpt-text').evaluate((element) => element.textContent)).toBe(HOSTILE_TEXT);
    expect(await card.locator('.excerpt-tags').evaluate((element) => element.textContent)).toContain(`Source: ${HOSTILE_TEXT}`);
    // Only the card's own spans: nothing was parsed out of the text.
    expect(await card.evaluate((element) => [...new Set([...element.querySelectorAll('*')].map((child) => child.tagName))])).toEqual(['SPAN']);
    const documentState = await page.evaluate(() => ({
      scripts: [...document.querySelectorAll('script')].map((script) => script.outerHTML),
      images: document.querySelectorAll('img').length,
      handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
      javascriptLinks: [...document.querySelectorAll('[href], [src], [action], [formaction]')].filter((element) =>
        ['href', 'src', 'action', 'formaction'].some((name) => /^\s*javascript:/i.test(element.getAttribute(name) ?? '')),
      ).length,
    }));
    expect(documentState).toEqual({ scripts: scriptsBefore, images: 0, handlers: 0, javascriptLinks: 0 });
    await card.locator('.excerpt-text').click();
    await card.locator('.excerpt-tags').click();
    expect(await pwnedOf(page)).toBeUndefined();
    // Nothing even tried to run inline: the text never reached an HTML parser, so the policy had nothing to block.
    expect(await violationsOf(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  }

  it('is shown as literal text, creates no element, and runs nothing when clicked', async () => {
    await expectInert();
  });

  it('stays inert when read back from storage after a reload', async () => {
    const stored = await page.evaluate(() => window.localStorage.getItem('kabuto.user-excerpts.v1'));
    expect(JSON.parse(stored ?? '[]')).toEqual([expect.objectContaining({ id: 'user-1', text: HOSTILE_TEXT, source: HOSTILE_TEXT })]);
    await page.reload();
    await page.locator(IHI_DAY_ZERO_CELL).waitFor();
    await page.locator('button.excerpt[data-excerpt-id="user-1"]').waitFor();
    await expectInert();
  });
});

describe('the committed article', () => {
  const articleFile = path.join(PROJECT_ROOT, 'data/articles/japan-us-alliance-defence-stocks.md');
  const article = parseArticle(readFileSync(articleFile, 'utf8'));
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await openDashboard());
    await page.getByLabel('Show every excerpt, not only those about the events in the study').check();
  });
  afterAll(async () => context?.close());

  it('shows every excerpt as exactly its verbatim text', async () => {
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll('.excerpts .article button.excerpt')].map((button) => ({ id: button.getAttribute('data-excerpt-id'), text: button.querySelector('.excerpt-text')?.textContent })),
    );
    expect(shown).toEqual(article.excerpts.map((excerpt) => ({ id: excerpt.id, text: excerpt.text })));
  });

  it('puts no element in the panel other than the ones the panel itself is made of', async () => {
    const tags = await page.evaluate(() => [...new Set([...document.querySelectorAll('.excerpts *')].map((element) => element.tagName))].sort());
    const panelTags = ['ARTICLE', 'BUTTON', 'DIV', 'FIELDSET', 'FORM', 'H2', 'H3', 'INPUT', 'LABEL', 'LEGEND', 'LI', 'OL', 'OPTION', 'P', 'SECTION', 'SELECT', 'SPAN', 'STRONG', 'TEXTAREA', 'UL'];
    expect(tags.filter((tag) => !panelTags.includes(tag))).toEqual([]);
    expect(await page.evaluate(() => [...document.querySelectorAll('.excerpts .article button.excerpt *')].every((element) => element.tagName === 'SPAN'))).toBe(true);
  });
});

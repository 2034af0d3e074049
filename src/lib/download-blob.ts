/** How long a download's object URL stays valid: Chromium starts reading it only after the click returns, and a slow disk may start writing later still. */
const OBJECT_URL_LIFETIME_MS = 60_000;

/**
 * Hands `blob` to the browser as a download named `fileName`: an object URL and a hidden
 * <a download>. The bytes go out exactly as given, so a CSV saved from the page is the same file as
 * the server's.
 * @throws never in a browser that supports Blob and object URLs (every one the page runs in).
 * @example downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), 'kabuto-us-election-2024-securities.csv')
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), OBJECT_URL_LIFETIME_MS);
}

/** How long an object URL outlives its click: Chromium starts reading it only after the click returns. */
const REVOKE_AFTER_MS = 30_000;

/**
 * Saves text as a file through the browser's download: a Blob (UTF-8, as the text is), an object
 * URL and a hidden <a download>. The text goes out exactly as given, so the page's file is the same
 * bytes as the server's.
 * @throws never in a browser that supports Blob and object URLs (every one the page runs in).
 * @example downloadTextFile('kabuto-us-election-2024-securities.csv', csv, 'text/csv;charset=utf-8')
 */
export function downloadTextFile(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

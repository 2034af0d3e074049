import { useEffect, useRef } from 'react';

/** Presentations open now; counted rather than flagged because StrictMode mounts twice. */
let mounted = 0;

/**
 * Puts the page in full screen while the presentation is mounted, when the browser allows it
 * (otherwise the presentation stays what it already is, a fixed full-viewport dialog). Leaving
 * full screen from the browser (its own Escape handling) calls `onLeave`, except while printing.
 *
 * The whole document goes full screen, not the dialog: browsers force a full-screen element to
 * one fixed viewport with `!important` rules no stylesheet can undo, which would print one page.
 * @example useFullscreen(onClose)
 */
export function useFullscreen(onLeave: () => void): void {
  const leave = useRef(onLeave);
  useEffect(() => {
    leave.current = onLeave;
  });
  useEffect(() => {
    const root = document.documentElement;
    if (!document.fullscreenEnabled || typeof root.requestFullscreen !== 'function' || document.fullscreenElement) return;
    let entered = false;
    let printing = false;
    mounted += 1;
    const onChange = () => {
      if (document.fullscreenElement === root) entered = true;
      else if (entered && !printing) {
        entered = false;
        leave.current();
      }
    };
    const onBeforePrint = () => (printing = true);
    const onAfterPrint = () => (printing = false);
    document.addEventListener('fullscreenchange', onChange);
    window.addEventListener('beforeprint', onBeforePrint);
    window.addEventListener('afterprint', onAfterPrint);
    // A refusal (no user gesture left, a policy, an iframe) is not an error: the dialog already fills the viewport.
    root.requestFullscreen().then(
      () => {
        // Granted after the presentation closed (a very quick Escape): give the page its window back.
        if (mounted === 0 && document.fullscreenElement === root) document.exitFullscreen().catch(() => undefined);
      },
      () => undefined,
    );
    return () => {
      mounted -= 1;
      document.removeEventListener('fullscreenchange', onChange);
      window.removeEventListener('beforeprint', onBeforePrint);
      window.removeEventListener('afterprint', onAfterPrint);
      if (document.fullscreenElement === root) document.exitFullscreen().catch(() => undefined);
    };
  }, []);
}

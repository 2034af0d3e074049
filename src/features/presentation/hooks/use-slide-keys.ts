import { useEffect, useRef, type RefObject } from 'react';
import { slideCommand, type SlideCommand } from '../utils/slide-keys.ts';
import { trapTab } from './use-dialog-focus.ts';

/**
 * Listens on the whole document while the presentation is open, so the keys work wherever focus
 * is (even when the focused control disappears): slide commands go to `onCommand`, Tab stays
 * inside `dialog`.
 * @example useSlideKeys(dialogRef, (command) => (command === 'close' ? onClose() : go(command)))
 */
export function useSlideKeys(dialog: RefObject<HTMLElement | null>, onCommand: (command: SlideCommand) => void): void {
  const latest = useRef(onCommand);
  useEffect(() => {
    latest.current = onCommand;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Tab') return trapTab(dialog.current, event);
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      const command = slideCommand(event.key);
      if (!command) return;
      // Also keeps Space from pressing a focused button: in a presentation Space always means "next".
      event.preventDefault();
      latest.current(command);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [dialog]);
}

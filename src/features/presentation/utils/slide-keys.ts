/** What a key does in presentation mode. */
export type SlideCommand = 'next' | 'previous' | 'first' | 'last' | 'close';

const COMMANDS: Readonly<Record<string, SlideCommand>> = {
  ArrowRight: 'next',
  ArrowDown: 'next',
  PageDown: 'next',
  ' ': 'next',
  ArrowLeft: 'previous',
  ArrowUp: 'previous',
  PageUp: 'previous',
  Home: 'first',
  End: 'last',
  Escape: 'close',
};

/**
 * The command of a KeyboardEvent.key, as presentation software and remote clickers send them;
 * null for any other key.
 * @example slideCommand('PageDown') // 'next'
 */
export function slideCommand(key: string): SlideCommand | null {
  return COMMANDS[key] ?? null;
}

/**
 * The slide a command moves to from `index` among `count` slides, staying within the deck.
 * @example moveTo('next', 5, 6) // 5
 */
export function moveTo(command: Exclude<SlideCommand, 'close'>, index: number, count: number): number {
  const last = Math.max(0, count - 1);
  if (command === 'first') return 0;
  if (command === 'last') return last;
  return Math.min(last, Math.max(0, index + (command === 'next' ? 1 : -1)));
}

import { memo, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { glossaryEntry, type GlossaryTermId } from '../domain/glossary.ts';
import './glossary-term.css';

interface GlossaryTermProps {
  id: GlossaryTermId;
  /** What the page shows for the term; the glossary's short form or term by default. */
  children?: ReactNode;
}

/**
 * A term of the page with its plain definition one keypress away: a button (Tab reaches it, Enter or
 * Space opens it) that shows the glossary's sentence beside the term, with a link to the glossary
 * section; Escape, a second press or focus moving elsewhere closes it. The text is the glossary's
 * (src/domain/glossary.ts), never written here.
 * @example <GlossaryTerm id="car">CAR [0, +1]</GlossaryTerm>
 */
export const GlossaryTerm = memo(function GlossaryTerm({ id, children }: GlossaryTermProps) {
  const entry = glossaryEntry(id);
  const [open, setOpen] = useState(false);
  const popupId = useId();
  const wrapper = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (!open) return undefined;
    const closeOutside = (event: Event) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    document.addEventListener('focusin', closeOutside);
    return () => {
      document.removeEventListener('pointerdown', closeOutside);
      document.removeEventListener('focusin', closeOutside);
    };
  }, [open]);
  return (
    <span className="glossary-term" ref={wrapper}>
      <button
        type="button"
        className="glossary-button"
        aria-expanded={open}
        aria-controls={open ? popupId : undefined}
        aria-label={`${textOf(children) || entry.short || entry.term}: what it means`}
        onClick={() => setOpen((value) => !value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setOpen(false);
        }}
      >
        {children ?? entry.short ?? entry.term}
      </button>
      {open ? (
        <span id={popupId} role="note" className="glossary-popup" data-term={id}>
          <strong>{entry.short ? `${entry.term} (${entry.short})` : entry.term}.</strong> {entry.definition}{' '}
          <a href={`#glossary-${id}`} onClick={() => setOpen(false)}>
            Glossary
          </a>
        </span>
      ) : null}
    </span>
  );
});

function textOf(node: ReactNode): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  return '';
}

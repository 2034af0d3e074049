import { memo } from 'react';
import './answer.css';
import { GLOSSARY } from '../../../domain/glossary.ts';

/**
 * The glossary: every term of the page and the slides with its plain definition (the text of
 * src/domain/glossary.ts), each entry the target of the term's popover link (#glossary-<id>).
 */
export const GlossarySection = memo(function GlossarySection() {
  return (
    <section id="glossary" className="panel glossary" aria-labelledby="glossary-heading">
      <h2 id="glossary-heading">Glossary</h2>
      <dl className="glossary-list">
        {GLOSSARY.map((entry) => (
          <div key={entry.id} id={`glossary-${entry.id}`} className="glossary-entry">
            <dt>{entry.short ? `${entry.term} (${entry.short})` : entry.term}</dt>
            <dd>{entry.definition}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
});

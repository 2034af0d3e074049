import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { PriceSeries, PricesResponse } from '../../../domain/price-api.ts';
import './data-source.css';

const SOURCE_NAMES = { snapshot: 'offline snapshot', live: 'live from Yahoo Finance', cache: 'cached Yahoo Finance answer' } as const;

/**
 * A modal listing each series' origin: source, repository and commit, adjustment, licence and
 * known defects, plus the server's fallback warnings. Escape or the Close button closes it.
 */
export function ProvenanceDialog({ prices, onClose }: { prices: PricesResponse; onClose: () => void }) {
  const closeButton = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => closeButton.current?.focus(), []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onClose();
    if (event.key === 'Tab' && dialog.current) keepFocusInside(dialog.current, event);
  };

  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div
        className="dialog"
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby="provenance-title"
        onKeyDown={onKeyDown}
        onClick={(event) => event.stopPropagation()}
      >
        <header className="dialog-header">
          <h2 id="provenance-title">Where the prices come from</h2>
          <button ref={closeButton} type="button" onClick={onClose}>
            Close
          </button>
        </header>
        <div className="dialog-body">
          <p>
            Server mode: <strong>{prices.mode}</strong>. Range requested: {prices.from} to {prices.to}.
          </p>
          {prices.warnings.length > 0 ? (
            <ul className="warnings" aria-label="Warnings from the server">
              {prices.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          ) : null}
          {prices.series.map((series) => (
            <SeriesProvenance key={series.symbol} series={series} />
          ))}
        </div>
      </div>
    </div>
  );
}

// A modal keeps Tab within itself: past the last control focus wraps to the first and back.
function keepFocusInside(container: HTMLElement, event: KeyboardEvent) {
  const focusable = [...container.querySelectorAll<HTMLElement>('button, summary, [href], input, [tabindex]:not([tabindex="-1"])')];
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

function SeriesProvenance({ series }: { series: PriceSeries }) {
  const { provenance } = series;
  return (
    <section className="provenance" aria-label={`${series.symbol} provenance`}>
      <h3>
        {series.name} <span className="symbol">{series.symbol}</span>
      </h3>
      <dl>
        <dt>Served from</dt>
        <dd>
          {SOURCE_NAMES[series.source]}
          {series.stale ? ' (stale: the live fetch failed)' : ''}, {series.source === 'snapshot' ? 'built' : 'fetched'} {series.fetchedAt}
        </dd>
        <dt>Source</dt>
        <dd>{provenance.source}</dd>
        {provenance.repository ? (
          <>
            <dt>Repository</dt>
            <dd>
              <code>{provenance.repository}</code>
              {provenance.commit ? (
                <>
                  {' '}
                  at commit <code>{provenance.commit}</code>
                </>
              ) : null}
              {provenance.path ? (
                <>
                  , file <code>{provenance.path}</code>
                </>
              ) : null}
            </dd>
          </>
        ) : null}
        <dt>Adjustment</dt>
        <dd>{provenance.adjustment}</dd>
        <dt>Exchange</dt>
        <dd>
          {series.exchange}, {series.currency}, {series.exchangeTimezoneName}
        </dd>
        {provenance.license ? (
          <>
            <dt>Licence</dt>
            <dd>{provenance.license}</dd>
          </>
        ) : null}
      </dl>
      {provenance.defects.length > 0 ? (
        <details>
          <summary>Known defects ({provenance.defects.length})</summary>
          <ul>
            {provenance.defects.map((defect) => (
              <li key={defect}>{defect}</li>
            ))}
          </ul>
        </details>
      ) : (
        <p className="hint">No known defects.</p>
      )}
    </section>
  );
}

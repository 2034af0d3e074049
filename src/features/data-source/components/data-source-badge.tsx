import { useRef, useState } from 'react';
import type { PricesResponse } from '../../../domain/price-api.ts';
import { summariseSources } from '../../../lib/source-summary.ts';
import { ProvenanceDialog } from './provenance-dialog.tsx';
import './data-source.css';

/**
 * A badge saying whether the prices are live, cached or from the offline snapshot (flagging a
 * stale fallback), opening the provenance of every series in one click.
 */
export function DataSourceBadge({ prices }: { prices: PricesResponse }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const summary = summariseSources(prices.series);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <>
      <button
        ref={button}
        type="button"
        className="badge"
        data-source={summary.kinds.join(' ')}
        data-stale={String(summary.stale)}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        <span className="badge-dot" aria-hidden="true" />
        {summary.label}
        {summary.stale ? <span className="badge-stale"> · stale</span> : null}
        <span className="visually-hidden"> — show where the prices come from</span>
      </button>
      {open ? <ProvenanceDialog prices={prices} onClose={close} /> : null}
    </>
  );
}

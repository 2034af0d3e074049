import type { PriceFailure } from '../../../domain/price-api.ts';

interface PriceFailuresNoticeProps {
  failures: readonly PriceFailure[];
  /** The securities of the study: a failed one gets a button that takes it out. */
  securities: readonly string[];
  onRemove: (symbol: string) => void;
}

/**
 * Names each symbol the price server had no prices for, and why: it is left out of the study, and
 * the charts, tables and downloads go on without it. A security (not a benchmark) can be taken out
 * of the study from here, since a symbol the server does not know is in no list to untick.
 * @example <PriceFailuresNotice failures={[{ symbol: 'FAKE.T', code: 'UNKNOWN_SYMBOL', message: 'FAKE.T is not in the offline snapshot…' }]} securities={['FAKE.T']} onRemove={remove} />
 */
export function PriceFailuresNotice({ failures, securities, onRemove }: PriceFailuresNoticeProps) {
  if (failures.length === 0) return null;
  return (
    <div className="notice" role="status" data-testid="price-failures">
      <p>
        <strong>Left out of the study: {failures.map((failure) => failure.symbol).join(', ')}.</strong> The study is computed on the other securities.
      </p>
      <ul>
        {failures.map((failure) => (
          <li key={failure.symbol} data-symbol={failure.symbol} data-code={failure.code}>
            {failure.message}{' '}
            {securities.includes(failure.symbol) ? (
              <button type="button" className="link-button" onClick={() => onRemove(failure.symbol)}>
                Remove {failure.symbol} from the study
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

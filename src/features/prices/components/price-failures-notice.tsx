import type { PriceFailure } from '../../../domain/price-api.ts';

/**
 * Names each symbol the price server had no prices for, and why: it is left out of the study, and
 * the charts, tables and downloads go on without it.
 * @example <PriceFailuresNotice failures={[{ symbol: 'FAKE.T', code: 'UNKNOWN_SYMBOL', message: 'FAKE.T is not in the offline snapshot…' }]} />
 */
export function PriceFailuresNotice({ failures }: { failures: readonly PriceFailure[] }) {
  if (failures.length === 0) return null;
  return (
    <div className="notice" role="status" data-testid="price-failures">
      <p>
        <strong>Left out of the study: {failures.map((failure) => failure.symbol).join(', ')}.</strong> The study is computed on the other securities.
      </p>
      <ul>
        {failures.map((failure) => (
          <li key={failure.symbol} data-symbol={failure.symbol} data-code={failure.code}>
            {failure.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

import { useId, useState, type FormEvent } from 'react';
import { exchangeByCode, exchangeForSymbol, isExchangeCode } from '../../../domain/exchanges.ts';
import type { SymbolInfo } from '../../../domain/price-api.ts';
import { symbolSyntaxProblem } from '../../../domain/symbol.ts';
import './security-picker.css';

interface SecurityPickerProps {
  symbols: SymbolInfo[];
  selected: string[];
  /** Benchmark chosen per exchange code. */
  benchmarks: Record<string, string>;
  /** The server fetches from Yahoo, so any symbol may be added. */
  canAddSymbols: boolean;
  onToggle: (symbol: string) => void;
  onAdd: (symbol: string) => void;
  onBenchmark: (exchange: string, symbol: string) => void;
}

/**
 * The securities to study, grouped by market, each with its name; the benchmark of each market;
 * and, when the server runs live, a field for any Yahoo symbol.
 */
export function SecurityPicker({ symbols, selected, benchmarks, canAddSymbols, onToggle, onAdd, onBenchmark }: SecurityPickerProps) {
  // Only exchanges of the registry (src/domain/exchanges.ts), whose sessions the app can time: a
  // London or Seoul stock of the snapshot waits for its exchange's entry rather than fail in the study.
  const equities = symbols.filter((info) => info.kind !== 'index' && isExchangeCode(info.exchange));
  const exchanges = [...new Set(equities.map((info) => info.exchange))];
  const known = new Set(symbols.map((info) => info.symbol));
  const added = selected.filter((symbol) => !known.has(symbol));
  const nameOf = (symbol: string) => symbols.find((info) => info.symbol === symbol)?.name ?? symbol;

  return (
    <fieldset className="control-group security-picker">
      <legend>Securities and benchmarks</legend>
      {exchanges.map((exchange) => {
        const members = equities.filter((info) => info.exchange === exchange);
        const choices = [...new Set(members.flatMap((info) => info.benchmarks))];
        const market = exchangeByCode(exchange)?.shortName ?? exchange;
        return (
          <div key={exchange} className="market">
            <h3 className="market-title">{market}</h3>
            <ul className="security-list">
              {members.map((info) => (
                <li key={info.symbol}>
                  <label className="checkbox">
                    <input type="checkbox" checked={selected.includes(info.symbol)} onChange={() => onToggle(info.symbol)} />
                    {info.name} <span className="symbol">{info.symbol}</span>
                  </label>
                </li>
              ))}
            </ul>
            {choices.length > 0 ? (
              <label className="field inline">
                <span>Benchmark for {market}</span>
                <select value={benchmarks[exchange] ?? choices[0]} onChange={(event) => onBenchmark(exchange, event.target.value)}>
                  {choices.map((symbol) => (
                    <option key={symbol} value={symbol}>
                      {nameOf(symbol) === symbol ? symbol : `${nameOf(symbol)} (${symbol})`}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
          </div>
        );
      })}
      {added.length > 0 ? (
        <ul className="security-list" aria-label="Symbols you added">
          {added.map((symbol) => (
            <li key={symbol}>
              <label className="checkbox">
                <input type="checkbox" checked onChange={() => onToggle(symbol)} />
                <span className="symbol">{symbol}</span>
              </label>
            </li>
          ))}
        </ul>
      ) : null}
      {canAddSymbols ? <AddSymbolField onAdd={onAdd} /> : null}
    </fieldset>
  );
}

function AddSymbolField({ onAdd }: { onAdd: (symbol: string) => void }) {
  const id = useId();
  const [text, setText] = useState('');
  const typed = text.trim();
  const symbol = typed.toUpperCase();
  const problem = typed === '' ? null : addableProblem(typed);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (symbol === '' || problem) return;
    onAdd(symbol);
    setText('');
  };
  return (
    <form className="add-symbol" onSubmit={submit} noValidate>
      <label htmlFor={`${id}-symbol`}>Add a Yahoo symbol</label>
      <div className="inline-form">
        <input
          id={`${id}-symbol`}
          type="text"
          value={text}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setText(event.target.value)}
          aria-invalid={problem !== null}
          aria-describedby={problem ? `${id}-problem` : `${id}-hint`}
        />
        <button type="submit">Add</button>
      </div>
      {problem ? (
        <p id={`${id}-problem`} className="field-error" role="alert">
          {problem}
        </p>
      ) : (
        <p id={`${id}-hint`} className="hint">
          Each symbol is measured against its own exchange's benchmark: .T is Tokyo, a symbol without suffix New York.
        </p>
      )}
    </form>
  );
}

// The symbol rule and the exchange registry decide, so the field refuses what a link or the server would.
function addableProblem(typed: string): string | null {
  if (symbolSyntaxProblem(typed) !== null) return 'A Yahoo symbol has letters, digits and . ^ = - only, at most 20 characters, e.g. 7012.T or LMT.';
  try {
    exchangeForSymbol(typed);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

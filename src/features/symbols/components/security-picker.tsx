import { useId, useMemo, useState, type FormEvent } from 'react';
import type { StudyOptions } from '../../../core/types.ts';
import { closingTime, type ExchangeSchedule } from '../../../core/exchange-schedule.ts';
import { EXCHANGE_CODES, EXCHANGE_REGISTRY, exchangeForSymbol } from '../../../domain/exchanges.ts';
import type { PriceSeries, SymbolInfo } from '../../../domain/price-api.ts';
import type { StudyEvent } from '../../../domain/study-event.ts';
import { symbolSyntaxProblem } from '../../../domain/symbol.ts';
import { PRESET_CATALOG } from '../api/preset-catalog.ts';
import { pickerCoverage, pickerMarkets, spanFacts } from '../utils/picker-markets.ts';
import { PresetList } from './preset-list.tsx';
import './security-picker.css';

/** What the picker checks each series' coverage against: the study's events and windows, and the prices loaded for it. */
export interface CoverageContext {
  events: readonly StudyEvent[];
  options: StudyOptions;
  /** The page's loaded prices; each exchange's chosen benchmark among them gives its calendar. */
  loaded: readonly PriceSeries[];
}

interface SecurityPickerProps {
  symbols: SymbolInfo[];
  selected: string[];
  /** Benchmark chosen per exchange code. */
  benchmarks: Record<string, string>;
  /** The server fetches from Yahoo, so any symbol may be added and any registered benchmark chosen. */
  canAddSymbols: boolean;
  coverage: CoverageContext;
  onToggle: (symbol: string) => void;
  onAdd: (symbol: string) => void;
  onBenchmark: (exchange: string, symbol: string) => void;
  onPreset: (securities: string[]) => void;
}

/**
 * The securities to study, grouped by exchange in registry order, each with its name and, where its
 * prices do not cover the study's windows, what is missing; the benchmark of each exchange; the
 * presets of data/presets.json; and, when the server runs live, a field for any Yahoo symbol.
 */
export function SecurityPicker({ symbols, selected, benchmarks, canAddSymbols, coverage, onToggle, onAdd, onBenchmark, onPreset }: SecurityPickerProps) {
  const markets = useMemo(() => pickerMarkets(symbols, benchmarks, canAddSymbols), [symbols, benchmarks, canAddSymbols]);
  const notes = useMemo(() => pickerCoverage(markets, coverage.loaded, coverage.events, coverage.options), [markets, coverage]);
  const known = new Set(symbols.map((info) => info.symbol));
  const added = selected.filter((symbol) => !known.has(symbol));
  const nameOf = (symbol: string) => symbols.find((info) => info.symbol === symbol)?.name ?? symbol;
  const closeDate = coverage.events[0]?.date;
  // Neither depends on the study's windows, so a typed window does not recompute them: the span facts
  // sort every symbol's dates for each symbol, the closing times read the exchange's time zone.
  const spans = useMemo(() => new Map(symbols.map((info) => [info.symbol, spanFacts(info, symbols)])), [symbols]);
  const closes = useMemo(() => new Map(markets.map(({ exchange }) => [exchange.code, marketFacts(exchange, closeDate)])), [markets, closeDate]);

  return (
    <fieldset className="control-group security-picker">
      <legend>Securities and benchmarks</legend>
      <PresetList presets={PRESET_CATALOG.presets} groups={PRESET_CATALOG.groups} problem={PRESET_CATALOG.problem} selected={selected} onApply={onPreset} />
      {markets.map(({ exchange, securities, benchmarks: choices, chosenBenchmark }) => (
        <section key={exchange.code} className="market" aria-label={`${exchange.shortName} (${exchange.code})`}>
          <h3 className="market-title">
            {exchange.shortName} <span className="market-facts">{closes.get(exchange.code)}</span>
          </h3>
          <ul className="security-list">
            {securities.map((info) => {
              const found = notes.get(info.symbol) ?? [];
              const facts = found.length === 0 ? (spans.get(info.symbol) ?? null) : null;
              return (
                <li key={info.symbol}>
                  <label className="checkbox">
                    <input type="checkbox" checked={selected.includes(info.symbol)} onChange={() => onToggle(info.symbol)} />
                    <span>
                      {info.name} <span className="symbol">{info.symbol}</span>
                    </span>
                  </label>
                  {found.map((note) => (
                    <p key={`${note.eventId}-${note.text}`} className={`coverage-note ${note.severity}`}>
                      {note.text}
                    </p>
                  ))}
                  {facts ? <p className="coverage-note facts">{facts}</p> : null}
                </li>
              );
            })}
          </ul>
          {choices.length > 0 ? (
            <label className="field inline">
              <span>Benchmark for {exchange.shortName}</span>
              <select value={chosenBenchmark} onChange={(event) => onBenchmark(exchange.code, event.target.value)}>
                {choices.map((symbol) => (
                  <option key={symbol} value={symbol}>
                    {nameOf(symbol) === symbol ? symbol : `${nameOf(symbol)} (${symbol})`}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
        </section>
      ))}
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

// "XLON · closes 16:35 London time": the MIC and the close in force on the study's (first) event date.
function marketFacts(exchange: ExchangeSchedule & { code: string }, date: string | undefined): string {
  const city = exchange.timeZone.split('/').at(-1)?.replace(/_/g, ' ') ?? exchange.timeZone;
  return date === undefined ? exchange.code : `${exchange.code} · closes ${closingTime(exchange, date)} ${city} time`;
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
          Each symbol is measured against its own exchange's benchmark and day 0: {SUFFIX_HINT}, a symbol without suffix New York (Yahoo then names its exchange).
        </p>
      )}
    </form>
  );
}

/** ".T Tokyo, .L London, …", from the registry. */
const SUFFIX_HINT = EXCHANGE_CODES.flatMap((code) => EXCHANGE_REGISTRY[code].yahooSuffixes.map((suffix) => `${suffix} ${EXCHANGE_REGISTRY[code].shortName}`)).join(', ');

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

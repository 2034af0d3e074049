import type { Dispatch } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { CustomEventForm } from '../features/events/components/custom-event-form.tsx';
import { EventPicker } from '../features/events/components/event-picker.tsx';
import { FactorControls } from '../features/factors/components/factor-controls.tsx';
import type { FactorFiles } from '../features/factors/hooks/use-factor-files.ts';
import { EstimationMinimumInput } from '../features/study-controls/components/estimation-minimum-input.tsx';
import { ModelControls } from '../features/study-controls/components/model-controls.tsx';
import { estimationFloor } from '../domain/estimation-minimum.ts';
import { WindowInputs } from '../features/study-controls/components/window-inputs.tsx';
import type { WindowCheck } from '../features/study-controls/utils/window-texts.ts';
import { SecurityPicker, type CoverageContext } from '../features/symbols/components/security-picker.tsx';
import type { StudyEvent } from '../domain/study-event.ts';
import type { SymbolsResponse } from '../domain/price-api.ts';
import { ErrorPanel } from './components/error-panel.tsx';
import { ListSkeleton } from './components/skeleton.tsx';
import { minimumEstimationCheck, type ViewAction, type ViewState } from './view-state.ts';

interface ControlsSidebarProps {
  state: ViewState;
  dispatch: Dispatch<ViewAction>;
  events: StudyEvent[];
  eventsProblem: string | null;
  symbols: UseQueryResult<SymbolsResponse>;
  canAddSymbols: boolean;
  coverage: CoverageContext;
  windowCheck: WindowCheck;
  highlightedEventIds: readonly string[];
  factorFiles: FactorFiles;
  /** The link names a factor file this browser does not keep: the message, or null. */
  missingFactorFile: string | null;
  /** The days of the study's windows the chosen factor file lacks, in words, or null. */
  factorGaps: string | null;
}

/** Every setting of the study, in the order a study is specified: events, securities, model, windows. */
export function ControlsSidebar({ state, dispatch, events, eventsProblem, symbols, canAddSymbols, coverage, windowCheck, highlightedEventIds, factorFiles, missingFactorFile, factorGaps }: ControlsSidebarProps) {
  const minimum = minimumEstimationCheck(state);
  return (
    <aside className="controls" aria-labelledby="controls-heading">
      {/* The settings' headings (markets, …) sit under this one, in order after the page's h1. */}
      <h2 id="controls-heading" className="visually-hidden">
        Study settings
      </h2>
      {eventsProblem ? <ErrorPanel title="The events could not be read" message={eventsProblem} /> : null}
      <EventPicker
        events={events}
        selectedIds={state.eventIds}
        highlightedIds={[...highlightedEventIds]}
        onToggle={(eventId) => dispatch({ type: 'toggle-event', eventId })}
        onRemoveCustom={(eventId) => dispatch({ type: 'remove-custom-event', eventId })}
      />
      <CustomEventForm existingIds={events.map((event) => event.id)} onAdd={(event) => dispatch({ type: 'add-custom-event', event })} />
      {symbols.data ? (
        <SecurityPicker
          symbols={symbols.data.symbols}
          selected={state.securities}
          benchmarks={state.benchmarks}
          canAddSymbols={canAddSymbols}
          coverage={coverage}
          onToggle={(symbol) => dispatch({ type: 'toggle-security', symbol })}
          onAdd={(symbol) => dispatch({ type: 'add-security', symbol })}
          onBenchmark={(exchange, symbol) => dispatch({ type: 'set-benchmark', exchange, symbol })}
          onPreset={(securities) => dispatch({ type: 'set-securities', securities })}
        />
      ) : symbols.error ? (
        <ErrorPanel
          title="The list of securities could not be loaded"
          message={symbols.error.message}
          code={'code' in symbols.error ? String(symbols.error.code) : undefined}
          onRetry={() => void symbols.refetch()}
          retrying={symbols.isFetching}
        />
      ) : (
        <ListSkeleton label="Loading the list of securities…" />
      )}
      <ModelControls
        model={state.model}
        returnKind={state.returnKind}
        onModel={(model) => dispatch({ type: 'set-model', model })}
        onReturnKind={(returnKind) => dispatch({ type: 'set-return-kind', returnKind })}
        factorNames={state.appliedOptions.factors ?? []}
      />
      <FactorControls
        files={factorFiles.files}
        storedProblem={factorFiles.problem}
        choice={state.factors}
        enabled={state.model === 'market'}
        missingFile={missingFactorFile}
        gaps={factorGaps}
        onUpload={factorFiles.add}
        onChoose={(factors) => dispatch({ type: 'set-factors', factors })}
        onRemove={factorFiles.remove}
      />
      <WindowInputs texts={state.windowTexts} check={windowCheck} onChange={(field, text) => dispatch({ type: 'set-window-text', field, text })} />
      <EstimationMinimumInput
        text={state.minimumEstimationText}
        problem={minimum.problem}
        floor={estimationFloor(state.model, state.factors?.names.length ?? 0).days}
        onChange={(text) => dispatch({ type: 'set-minimum-estimation', text })}
      />
    </aside>
  );
}

import { useMemo, type Dispatch } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { CustomEventForm } from '../features/events/components/custom-event-form.tsx';
import { EventPicker } from '../features/events/components/event-picker.tsx';
import { FactorControls } from '../features/factors/components/factor-controls.tsx';
import type { FactorFiles } from '../features/factors/hooks/use-factor-files.ts';
import { EstimationMinimumInput } from '../features/study-controls/components/estimation-minimum-input.tsx';
import { ModelControls } from '../features/study-controls/components/model-controls.tsx';
import { estimationFloor } from '../domain/estimation-minimum.ts';
import { WindowInputs } from '../features/study-controls/components/window-inputs.tsx';
import type { WindowCheck, WindowField } from '../features/study-controls/utils/window-texts.ts';
import { SecurityPicker, type CoverageContext } from '../features/symbols/components/security-picker.tsx';
import type { StudyEvent } from '../domain/study-event.ts';
import type { SymbolsResponse } from '../domain/price-api.ts';
import type { ModelKind, ReturnKind } from '../core/types.ts';
import type { FactorChoice } from '../application/study-factors.ts';
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
  // One set of handlers for the page's life, and props that keep their identity, so that typing a
  // window re-renders the window fields and the coverage notes, not every setting of the column.
  const on = useMemo(() => actionsOf(dispatch), [dispatch]);
  const eventIds = useMemo(() => events.map((event) => event.id), [events]);
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
        highlightedIds={highlightedEventIds}
        onToggle={on.toggleEvent}
        onRemoveCustom={on.removeCustomEvent}
      />
      <CustomEventForm existingIds={eventIds} onAdd={on.addCustomEvent} />
      {symbols.data ? (
        <SecurityPicker
          symbols={symbols.data.symbols}
          selected={state.securities}
          benchmarks={state.benchmarks}
          canAddSymbols={canAddSymbols}
          coverage={coverage}
          onToggle={on.toggleSecurity}
          onAdd={on.addSecurity}
          onBenchmark={on.setBenchmark}
          onPreset={on.setSecurities}
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
        onModel={on.setModel}
        onReturnKind={on.setReturnKind}
        factorNames={state.appliedOptions.factors ?? NO_FACTORS}
      />
      <FactorControls
        files={factorFiles.files}
        storedProblem={factorFiles.problem}
        choice={state.factors}
        enabled={state.model === 'market'}
        missingFile={missingFactorFile}
        gaps={factorGaps}
        onUpload={factorFiles.add}
        onChoose={on.setFactors}
        onRemove={factorFiles.remove}
      />
      <WindowInputs texts={state.windowTexts} check={windowCheck} onChange={on.setWindowText} />
      <EstimationMinimumInput
        text={state.minimumEstimationText}
        problem={minimum.problem}
        floor={estimationFloor(state.model, state.factors?.names.length ?? 0).days}
        onChange={on.setMinimumEstimation}
      />
    </aside>
  );
}

const NO_FACTORS: readonly string[] = [];

/** The settings' handlers, each dispatching its one action. */
function actionsOf(dispatch: Dispatch<ViewAction>) {
  return {
    toggleEvent: (eventId: string) => dispatch({ type: 'toggle-event', eventId }),
    removeCustomEvent: (eventId: string) => dispatch({ type: 'remove-custom-event', eventId }),
    addCustomEvent: (event: StudyEvent) => dispatch({ type: 'add-custom-event', event }),
    toggleSecurity: (symbol: string) => dispatch({ type: 'toggle-security', symbol }),
    addSecurity: (symbol: string) => dispatch({ type: 'add-security', symbol }),
    setBenchmark: (exchange: string, symbol: string) => dispatch({ type: 'set-benchmark', exchange, symbol }),
    setSecurities: (securities: string[]) => dispatch({ type: 'set-securities', securities }),
    setModel: (model: ModelKind) => dispatch({ type: 'set-model', model }),
    setReturnKind: (returnKind: ReturnKind) => dispatch({ type: 'set-return-kind', returnKind }),
    setFactors: (factors: FactorChoice | null) => dispatch({ type: 'set-factors', factors }),
    setWindowText: (field: WindowField, text: string) => dispatch({ type: 'set-window-text', field, text }),
    setMinimumEstimation: (text: string) => dispatch({ type: 'set-minimum-estimation', text }),
  };
}

import { useId } from 'react';
import { PORTFOLIO_TESTS, type PortfolioTestKey } from '../../../domain/portfolio-tests.ts';
import { AUTOMATIC_TEST, type TestFit, type TestSelection } from '../../../domain/test-choice.ts';
import './guardrail-controls.css';

interface TestPickerProps {
  selection: TestSelection;
  /** The test the rules pick for the study on screen. */
  automaticTest: PortfolioTestKey;
  /** Whether each test fits the study on screen (src/domain/test-choice.ts). */
  fits: readonly TestFit[];
  onSelect: (selection: TestSelection) => void;
}

/**
 * Which portfolio test states the answer and stars the chart: "Automatic" follows the rules; any
 * test can still be picked, a test the study does not fit marked so in its label and, once picked,
 * with the reason under the list.
 */
export function TestPicker({ selection, automaticTest, fits, onSelect }: TestPickerProps) {
  const id = useId();
  const fitOf = (key: PortfolioTestKey) => fits.find((fit) => fit.key === key);
  const picked = selection === AUTOMATIC_TEST ? null : fitOf(selection);
  const automaticName = PORTFOLIO_TESTS.find((test) => test.key === automaticTest)?.name ?? automaticTest;
  return (
    <div className="test-picker">
      <label htmlFor={`${id}-test`}>Group test</label>
      <select id={`${id}-test`} value={selection} onChange={(event) => onSelect(event.target.value as TestSelection)} aria-describedby={picked && !picked.fits ? `${id}-reason` : undefined}>
        <option value={AUTOMATIC_TEST}>Automatic (the rules): {automaticName}</option>
        {PORTFOLIO_TESTS.map((test) => {
          const fit = fitOf(test.key);
          return (
            <option key={test.key} value={test.key} className={fit?.fits === false ? 'does-not-fit' : undefined} data-fits={fit?.fits ?? true}>
              {fit?.fits === false ? `${test.name} (does not fit this study)` : test.name}
            </option>
          );
        })}
      </select>
      {picked && !picked.fits ? (
        <p id={`${id}-reason`} className="test-picker-reason" role="note">
          {picked.reasons.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

import { memo, useId, useState, type ChangeEvent } from 'react';
import type { FactorChoice } from '../../../application/study-factors.ts';
import type { FactorFile } from '../../../domain/factor-file.ts';
import { shortFactorHash } from '../../../domain/factor-hash.ts';
import type { FactorUpload } from '../hooks/use-factor-files.ts';
import './factors.css';

/** A file this large is not even read: no daily factor file comes near it. */
const LARGEST_READ_BYTES = 20_000_000;

interface FactorControlsProps {
  files: readonly FactorFile[];
  /** Why the saved files could not all be read, or null. */
  storedProblem: string | null;
  /** The factors in the study, or null. */
  choice: FactorChoice | null;
  /** Factors extend the market model: off for the other models. */
  enabled: boolean;
  /** The link names a file this browser does not keep: the message saying so, or null. */
  missingFile: string | null;
  /** The days of the study's windows the chosen file lacks, in words, or null. */
  gaps: string | null;
  onUpload: (text: string, name: string) => FactorUpload;
  onChoose: (choice: FactorChoice | null) => void;
  onRemove: (sha256: string) => void;
}

type UploadNote = { kind: 'problems'; name: string; problems: string[] } | { kind: 'stored'; name: string; storageProblem: string | null } | null;

/**
 * The user's factors: upload a CSV (a date column and one column per factor), checked by the
 * domain's rules with every problem named by line and column; choose a saved file and its columns;
 * remove a file. The files stay in this browser only.
 * @example <FactorControls files={files} choice={state.factors} enabled onUpload={add} onChoose={choose} onRemove={remove} … />
 */
export const FactorControls = memo(function FactorControls({ files, storedProblem, choice, enabled, missingFile, gaps, onUpload, onChoose, onRemove }: FactorControlsProps) {
  const id = useId();
  const [note, setNote] = useState<UploadNote>(null);
  const chosen = choice === null ? null : (files.find((file) => shortFactorHash(file.sha256) === choice.file.hash) ?? null);
  const choose = (file: FactorFile | null, names?: string[]) =>
    onChoose(file === null ? null : { names: names ?? [...file.factors], file: { hash: shortFactorHash(file.sha256), name: file.name } });

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const picked = input.files?.[0];
    input.value = '';
    if (!picked) return;
    if (picked.size > LARGEST_READ_BYTES) {
      setNote({ kind: 'problems', name: picked.name, problems: [`It is ${(picked.size / 1_000_000).toFixed(0)} MB; a factor file for a study is far smaller. Keep the columns and years you need.`] });
      return;
    }
    let text: string;
    try {
      text = await picked.text();
    } catch (error) {
      setNote({ kind: 'problems', name: picked.name, problems: [`The browser could not read it (${error instanceof Error ? error.message : String(error)}).`] });
      return;
    }
    const result = onUpload(text, picked.name);
    if (result.file === null) {
      setNote({ kind: 'problems', name: picked.name, problems: result.problems });
      return;
    }
    setNote({ kind: 'stored', name: result.file.name, storageProblem: result.storageProblem });
    if (enabled) choose(result.file);
  };

  const toggle = (name: string) => {
    if (!chosen || !choice) return;
    const names = choice.names.includes(name) ? choice.names.filter((item) => item !== name) : chosen.factors.filter((item) => item === name || choice.names.includes(item));
    choose(names.length === 0 ? null : chosen, names);
  };

  return (
    <fieldset className="control-group factors" data-testid="factor-controls">
      <legend>Factors</legend>
      <p className="hint" id={`${id}-format`}>
        A CSV of your own: a date column and one column per factor, e.g. <code>date,SMB,HML</code>; empty or NA for a missing day. It stays in this browser.
      </p>
      {enabled ? null : <p className="hint">Factors extend the market model: choose it above to add them.</p>}
      <div className="field">
        <label htmlFor={`${id}-upload`}>Upload a factor file</label>
        <input id={`${id}-upload`} type="file" accept=".csv,text/csv,text/plain" aria-describedby={`${id}-format`} onChange={(event) => void upload(event)} data-testid="factor-upload" />
      </div>
      {note?.kind === 'problems' ? (
        <div className="field-error" role="alert" data-testid="factor-problems">
          <p>{note.name} cannot be used:</p>
          <ul>
            {note.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {note?.kind === 'stored' && note.storageProblem !== null ? (
        <p className="field-error" role="alert" data-testid="factor-storage-problem">
          {note.storageProblem}
        </p>
      ) : null}
      {storedProblem ? <p className="hint">{storedProblem}</p> : null}
      {missingFile ? (
        <p className="field-error" role="alert" data-testid="factor-file-missing">
          {missingFile}
        </p>
      ) : null}
      {files.length > 0 ? (
        <div className="field">
          <label htmlFor={`${id}-file`}>Factor file</label>
          <select id={`${id}-file`} value={chosen ? chosen.sha256 : ''} disabled={!enabled} onChange={(event) => choose(files.find((file) => file.sha256 === event.target.value) ?? null)}>
            <option value="">None (the model alone)</option>
            {files.map((file) => (
              <option key={file.sha256} value={file.sha256}>
                {file.name} · {file.dates[0]} to {file.dates.at(-1)} · {shortFactorHash(file.sha256).slice(0, 8)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {chosen && choice ? (
        <>
          <ul className="factor-list" aria-label={`Factors of ${chosen.name}`}>
            {chosen.factors.map((name) => (
              <li key={name}>
                <label className="checkbox">
                  <input type="checkbox" checked={choice.names.includes(name)} onChange={() => toggle(name)} />
                  {name}
                </label>
              </li>
            ))}
          </ul>
          <p className="hint factor-file-meta">
            {chosen.dates.length.toLocaleString('en-GB')} days, {chosen.dates[0]} to {chosen.dates.at(-1)}; SHA-256 <code>{shortFactorHash(chosen.sha256)}</code>.
          </p>
          <button type="button" className="link-button" onClick={() => {
              onChoose(null);
              onRemove(chosen.sha256);
            }}>
            Remove {chosen.name} from this browser
          </button>
        </>
      ) : null}
      {gaps ? (
        <p className="field-error" role="status" data-testid="factor-gaps">
          {gaps}
        </p>
      ) : null}
    </fieldset>
  );
});

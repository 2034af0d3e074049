import { useState } from 'react';
import { isEventStudyError } from '../../../core/index.ts';
import type { StudyExport } from '../../../application/study-export.ts';
import { downloadBlob } from '../../../lib/download-blob.ts';
import './study-downloads.css';

const CSV_TYPE = 'text/csv;charset=utf-8';
const JSON_TYPE = 'application/json;charset=utf-8';

interface StudyDownloadsProps {
  /** Builds the files of the study on screen; null while there is no computed study to export. */
  build: (() => StudyExport) | null;
}

interface FileButton {
  label: string;
  description: string;
  /** The file's name, text and content type. */
  pick: (files: StudyExport) => [string, string, string];
}

const BUTTONS: readonly FileButton[] = [
  {
    label: 'Download CSV',
    description: 'One row per security and event day: returns, AR, CAR, SAR and their variances',
    pick: (files) => [files.fileNames.securities, files.securitiesCsv, CSV_TYPE],
  },
  {
    label: 'Portfolio CSV',
    description: 'AAR, CAAR and every test statistic and p-value per day and per CAR window',
    pick: (files) => [files.fileNames.portfolio, files.portfolioCsv, CSV_TYPE],
  },
  {
    label: 'Manifest',
    description: 'JSON: parameters, events, day 0 per security, data sources, column definitions',
    pick: (files) => [files.fileNames.manifest, files.manifestJson, JSON_TYPE],
  },
];

/**
 * The study's files for download, built in the browser by the same shared code as the server's
 * /api/study.csv, /api/study-portfolio.csv and /api/study-manifest.json.
 */
export function StudyDownloads({ build }: StudyDownloadsProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const save = (button: FileButton) => {
    if (!build) return;
    try {
      const [fileName, text, type] = button.pick(build());
      downloadBlob(new Blob([text], { type }), fileName);
      setProblem(null);
    } catch (error) {
      setProblem(isEventStudyError(error) ? error.message : 'The file could not be made; reload the page and try again.');
    }
  };
  return (
    <div className="study-downloads" role="group" aria-label="Download the study">
      {BUTTONS.map((button) => (
        <button key={button.label} type="button" disabled={build === null} title={build === null ? 'Available once the study is computed' : button.description} onClick={() => save(button)}>
          {button.label}
        </button>
      ))}
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

import './states.css';
interface ErrorPanelProps {
  title: string;
  /** The server's (or the engine's) own message. */
  message: string;
  code?: string;
  onRetry?: () => void;
  retrying?: boolean;
}

/** A failure explained in the words of whoever failed, with a Retry button when retrying can help. */
export function ErrorPanel({ title, message, code, onRetry, retrying = false }: ErrorPanelProps) {
  return (
    <div className="error-panel" role="alert" data-code={code}>
      <h2 className="error-title">{title}</h2>
      <p className="error-message">{message}</p>
      {code ? <p className="error-code">Code: {code}</p> : null}
      {onRetry ? (
        <button type="button" onClick={onRetry} disabled={retrying}>
          {retrying ? 'Retrying…' : 'Retry'}
        </button>
      ) : null}
    </div>
  );
}

import './states.css';
/** Grey placeholders in the shape of what is loading, announced once to screen readers. */
export function ChartsSkeleton({ label }: { label: string }) {
  return (
    <div className="skeleton-group" role="status" aria-live="polite" aria-busy="true">
      <span className="visually-hidden">{label}</span>
      <div className="skeleton skeleton-chart" />
      <div className="skeleton-row">
        <div className="skeleton skeleton-small" />
        <div className="skeleton skeleton-small" />
      </div>
      <div className="skeleton skeleton-chart" />
    </div>
  );
}

/** A few grey lines standing in for a list of controls. */
export function ListSkeleton({ label, lines = 4 }: { label: string; lines?: number }) {
  return (
    <div className="skeleton-group" role="status" aria-busy="true">
      <span className="visually-hidden">{label}</span>
      {Array.from({ length: lines }, (_, index) => (
        <div key={index} className="skeleton skeleton-line" />
      ))}
    </div>
  );
}

import './states.css';
/** What to do when there is nothing to compute yet. */
export function EmptyState({ title, children }: { title: string; children: string }) {
  return (
    <div className="empty-state" data-testid="empty-state">
      <h2>{title}</h2>
      <p>{children}</p>
    </div>
  );
}

import type { ReactNode } from 'react';

export interface ChartFrameProps {
  id: string;
  title: string;
  subtitle?: string;
  /** The id of the table that states the chart's numbers: the chart's text alternative. */
  describedBy: string;
  legend?: ReactNode;
  /** Controls that change what the chart shows, placed beside its title. */
  actions?: ReactNode;
  children: ReactNode;
}

/** A chart with its title, a one-line reading guide and a pointer to the table that carries its numbers. */
export function ChartFrame({ id, title, subtitle, describedBy, legend, actions, children }: ChartFrameProps) {
  return (
    <figure className="chart" id={id} aria-labelledby={`${id}-title`} aria-describedby={describedBy}>
      <div className="chart-head">
        <figcaption>
          <h2 id={`${id}-title`} className="chart-title">
            {title}
          </h2>
          {subtitle ? <p className="chart-subtitle">{subtitle}</p> : null}
        </figcaption>
        {actions ? <div className="chart-actions">{actions}</div> : null}
      </div>
      <div className="chart-body">{children}</div>
      {legend ? <div className="chart-legend">{legend}</div> : null}
    </figure>
  );
}

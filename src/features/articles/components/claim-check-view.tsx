import type { ClaimFinding } from '../../../application/claim-findings.ts';

interface ClaimCheckViewProps {
  finding: ClaimFinding;
  eventTitle: (id: string) => string;
  securityName: (symbol: string) => string;
}

/**
 * An excerpt's market claim beside what the market did: per event of the claim, the verdict of the
 * claim-check rule and each security's day-0 AR and CAR [0, +1] with p-values in words, as the answer and the slide state them.
 * @example <ClaimCheckView finding={finding} eventTitle={title} securityName={name} />
 */
export function ClaimCheckView({ finding, eventTitle, securityName }: ClaimCheckViewProps) {
  const { claim } = finding;
  return (
    <div className="claim-check" data-claim={claim.excerpt}>
      <p className="claim-statement">
        Market claim: prices {claim.direction === 'up' ? 'rose' : 'fell'}
        {claim.saysSignificant ? ' (the text says “significant”)' : ''}.
      </p>
      {finding.events.map((event) =>
        event.inStudy ? (
          <div key={event.eventId} className="claim-event" data-event-id={event.eventId}>
            <p className="claim-verdict">
              {eventTitle(event.eventId)}: <strong data-verdict={event.outcome.verdict ?? 'none'}>{event.outcome.verdict ?? `no verdict (${event.outcome.reason})`}</strong>
            </p>
            <ul className="claim-moves">
              {event.measurements.map((measurement) => (
                <li key={measurement.symbol} data-symbol={measurement.symbol}>
                  {securityName(measurement.symbol)}: AR day 0 <span className="claim-move">{measurement.dayZeroAr.words}</span>; CAR [0, +1] <span className="claim-move">{measurement.carZeroToOne.words}</span>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p key={event.eventId} className="claim-outside" data-event-id={event.eventId}>
            {eventTitle(event.eventId)}: not in this study; add the event to check the claim there.
          </p>
        ),
      )}
    </div>
  );
}

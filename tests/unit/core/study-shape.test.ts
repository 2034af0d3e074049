// The shape of a StudyResult on MADE-UP returns: options echoed with defaults, order of
// securities and windows, several events, per-day dates.
import { describe, expect, it } from 'vitest';
import { runStudy } from '../../../src/core/study';
import type { StudyOptions } from '../../../src/core/types';
import { madeUpUnit } from './made-up-returns';

const options: StudyOptions = {
  model: 'market',
  estimationWindow: { from: -100, to: -11 },
  eventWindow: { from: -2, to: 3 },
  carWindows: [
    { from: 0, to: 0 },
    { from: -2, to: 3 },
  ],
};

describe('runStudy result shape', () => {
  const first = { ...madeUpUnit({ symbol: '7011.T', seed: 21, dayZeroIndex: 250 }), id: '7011.T@election', eventId: 'election' };
  const second = { ...madeUpUnit({ symbol: '7011.T', seed: 21, dayZeroIndex: 251 }), id: '7011.T@call', eventId: 'call' };
  const result = runStudy([first, second], options);

  it('echoes the options with defaults filled in', () => {
    expect(result.options).toEqual({ ...options, gap: null, minimumEstimationDays: 30, strictEstimation: false });
  });

  it('keeps the order of units and of CAR windows, with ids and event ids', () => {
    expect(result.securities.map((security) => [security.id, security.eventId, security.dayZero])).toEqual([
      ['7011.T@election', 'election', first.dayZero],
      ['7011.T@call', 'call', second.dayZero],
    ]);
    expect(result.securities[0]?.windows.map((window) => [window.from, window.to])).toEqual([
      [0, 0],
      [-2, 3],
    ]);
    expect(result.securities[0]?.days.map((day) => day.relativeDay)).toEqual([-2, -1, 0, 1, 2, 3]);
  });

  it('aggregates one security over two events: the day date is null when the events differ', () => {
    expect(result.aggregate.days.map((day) => day.n)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(result.aggregate.days.every((day) => day.date === null)).toBe(true);
    const single = runStudy([first], options);
    expect(single.aggregate.days.map((day) => day.date)).toEqual(single.securities[0]?.days.map((day) => day.date));
  });

  it('reports the whole-window BHAR and CAR equal to the window covering the event window', () => {
    for (const security of result.securities) {
      expect(security.bhar).toBe(security.windows[1]?.bhar);
      expect(security.windows[1]?.car).toBe(security.days.at(-1)?.car);
    }
  });
});

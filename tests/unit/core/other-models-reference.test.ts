// Market-adjusted and mean-adjusted models against estudy2 0.10.0 on the SYNTHETIC fixture
// (estudy2_mrkt_adj_* and estudy2_mean_adj_*), to 1e-9 relative.
import { describe, expect, it } from 'vitest';
import type { ModelKind } from '../../../src/core/types';
import { cell, DAY_ZERO, expectClose, readFixture, runFixtureStudy, syntheticUnits } from './synthetic-fixture';

const cases: { model: ModelKind; prefix: string }[] = [
  { model: 'market-adjusted', prefix: 'estudy2_mrkt_adj' },
  { model: 'mean-adjusted', prefix: 'estudy2_mean_adj' },
];

describe.each(cases)('$model model against estudy2', ({ model, prefix }) => {
  const result = runFixtureStudy(model);

  it('matches every event-window AR and CAR', () => {
    const rows = readFixture(`${prefix}_event_ar_car.csv`);
    expect(rows.length).toBe(result.securities.length * result.aggregate.days.length);
    for (const row of rows) {
      const day = result.securities.find((entry) => entry.symbol === row.security)?.days.find((entry) => entry.date === row.date);
      expectClose(day?.ar, cell(row, 'abnormal'), `${row.security} ${row.date} AR`);
      expectClose(day?.car, cell(row, 'CAR'), `${row.security} ${row.date} CAR`);
    }
  });

  it('matches the expected return of every event-window date', () => {
    const rows = readFixture(`${prefix}_ar_all_dates.csv`).filter((row) => row.in_event === 'TRUE');
    for (const row of rows) {
      const day = result.securities.find((entry) => entry.symbol === row.security)?.days.find((entry) => entry.date === row.date);
      expectClose(day?.expected, cell(row, 'predicted'), `${row.security} ${row.date} predicted`);
    }
  });

  it('matches AAR and CAAR', () => {
    for (const row of readFixture(`${prefix}_event_aar_caar.csv`)) {
      const day = result.aggregate.days.find((entry) => entry.date === row.date);
      expectClose(day?.aar, cell(row, 'AAR'), `${row.date} AAR`);
      expectClose(day?.caar, cell(row, 'CAAR'), `${row.date} CAAR`);
    }
  });

  it('uses s² = the n − 1 sample variance of the estimation-window ARs (estudy2 sd_est_AR_n_minus_1²)', () => {
    for (const row of readFixture(`${prefix}_coefficients.csv`)) {
      const fit = result.securities.find((entry) => entry.symbol === row.security)?.fit;
      expectClose(fit?.s2, cell(row, 'sd_est_AR_n_minus_1') ** 2, `${row.security} s2`);
      expect(fit?.estimationDays).toBe(cell(row, 'estimation_length_M'));
      expect(fit?.alpha).toBeNull();
      expect(fit?.rSquared).toBeNull();
    }
  });
});

describe('variances of the two simpler models', () => {
  it('market-adjusted: var(AR) = s² and var(CAR) = L·s², nothing estimated', () => {
    const result = runFixtureStudy('market-adjusted');
    for (const security of result.securities) {
      expect(security.fit.beta).toBe(1);
      security.days.forEach((day, index) => {
        expectClose(day.arVariance, security.fit.s2);
        expectClose(day.carVariance, (index + 1) * security.fit.s2);
      });
    }
  });

  it('mean-adjusted: var(AR) = s²(1 + 1/M) and var(CAR) = s²(L + L²/M) (MacKinlay 1997, constant mean)', () => {
    const result = runFixtureStudy('mean-adjusted');
    for (const security of result.securities) {
      const { s2, estimationDays } = security.fit;
      expect(security.fit.beta).toBeNull();
      security.days.forEach((day, index) => {
        const days = index + 1;
        expectClose(day.arVariance, s2 * (1 + 1 / estimationDays));
        expectClose(day.carVariance, s2 * (days + (days * days) / estimationDays));
      });
    }
  });

  it('mean-adjusted: the expected return is the estimation-window mean of the security', () => {
    const result = runFixtureStudy('mean-adjusted');
    const units = syntheticUnits();
    for (const security of result.securities) {
      const unit = units.find((candidate) => candidate.symbol === security.symbol);
      const zero = unit?.dates.indexOf(DAY_ZERO) ?? -1;
      const sample = (unit?.returns.slice(zero - 130, zero - 10) ?? []) as number[];
      const meanReturn = sample.reduce((sum, value) => sum + value, 0) / sample.length;
      expect(sample).toHaveLength(120);
      for (const day of security.days) expectClose(day.expected, meanReturn);
    }
  });
});

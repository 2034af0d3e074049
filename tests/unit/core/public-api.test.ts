// The engine's public barrel and its purity rules (no React, Node or network imports, no clock).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as core from '../../../src/core/index';

const coreFolder = new URL('../../../src/core/', import.meta.url);

describe('src/core/index.ts', () => {
  it('exports every name of the cross-team contracts', () => {
    const contract = [
      'buildStudyUnit',
      'runStudy',
      'DEFAULT_STUDY_OPTIONS',
      'parseDayRange',
      'resolveDateRange',
      'validateStudyOptions',
      'signTest',
      'generalizedSignTest',
      'estimationPositiveShare',
      'corradoRankTest',
      'wilcoxonSignedRankTest',
      'closingTime',
      'isCalendarDate',
      'dayZero',
      'EventStudyError',
      'InsufficientEstimationDataError',
      'isEventStudyError',
      'normalTwoSidedPValue',
      'studentTwoSidedPValue',
    ];
    for (const name of contract) expect(core, name).toHaveProperty(name);
  });

  it('exports each statistic of the parametric engine', () => {
    for (const name of [
      'returnsFromPrices',
      'fitMarketModel',
      'fitFactorModel',
      'multipleRegression',
      'centredQuadraticForm',
      'smallestEstimationDays',
      'abnormalVolume',
      'fitMarketAdjustedModel',
      'fitMeanAdjustedModel',
      'fitNormalReturnModel',
      'marketModelCarVariance',
      'carTTest',
      'buyAndHoldAbnormalReturn',
      'crossSectionalTTest',
      'patellTest',
      'boehmerMusumeciPoulsenTest',
      'kolariPynnonenTest',
      'averageResidualCorrelation',
      'jOneTest',
      'jTwoTest',
      'brownWarner1985Test',
      'averageAbnormalReturnSeries',
      'equallyWeightedPortfolio',
      'portfolioTimeSeriesTest',
    ]) {
      expect(typeof (core as Record<string, unknown>)[name], name).toBe('function');
    }
  });
});

describe('src/core purity', () => {
  const files = readdirSync(coreFolder).filter((file) => file.endsWith('.ts'));

  it.each(files)('%s imports only engine files and the stdlib distributions, and reads no clock', (file) => {
    const source = readFileSync(new URL(file, coreFolder), 'utf8');
    const imports = [...source.matchAll(/from '([^']+)'/g)].map((match) => match[1] ?? '');
    for (const path of imports) expect(path, `${file} imports ${path}`).toMatch(/^(\.\/|@stdlib\/stats-base-dists-)/);
    expect(source).not.toMatch(/Date\.now\(|new Date\(\s*\)|Math\.random\(/);
  });
});

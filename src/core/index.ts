/**
 * The public surface of the event-study engine: pure functions and types, no React, Node, network
 * or clock. The app, the server and the command-line tool import from here. Files that also hold
 * helpers for the engine's own use (sorted panels, NaN-marked rows) are listed name by name.
 */
export type * from './types';
export * from './errors';
export * from './distributions';

export * from './returns';
export * from './align';
export * from './windows';
export * from './defaults';
export * from './calendar-date';
export * from './exchange-schedule';
export * from './event-timing';

export { isConstant, ordinaryLeastSquares, type LeastSquaresLine } from './ordinary-least-squares';
export type { EstimationSample, NormalReturnModel } from './normal-return-model';
export * from './fit-normal-return-model';
export * from './market-model';
export * from './factor-model';
export { multipleRegression, centredQuadraticForm, type MultipleRegression } from './multiple-regression';
export * from './estimation-minimum';
export * from './market-adjusted-model';
export * from './mean-adjusted-model';
export * from './car-variance';
export * from './car-t-test';
export * from './bhar';
export * from './abnormal-volume';

export * from './cross-sectional-t-test';
export * from './patell-test';
export * from './boehmer-musumeci-poulsen-test';
export { averageResidualCorrelation } from './residual-correlation';
export { kolariPynnonenTest } from './kolari-pynnonen-test';
export * from './j1-test';
export * from './j2-test';
export * from './sign-test';
export { estimationPositiveShare, generalizedSignTest } from './generalized-sign-test';
export { averageRanks, corradoRankTest, type RankSeries, type RankTestOptions } from './corrado-rank-test';
export * from './wilcoxon-signed-rank';
export { averageAbnormalReturnSeries, brownWarner1985Test } from './brown-warner-1985-test';
export * from './portfolio-time-series-test';

export * from './study';

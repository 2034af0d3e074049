/**
 * The study worker's entry: a worker thread of the study pool runs this module and answers each
 * posted StudyJob with its files. It takes only structured-cloneable input, so the compiled server
 * can point its pool at its own emitted copy of this module (see study-worker-location.ts).
 */
import { computeStudyJob, resultTransferList } from './study-job.ts';
import { answerJobs, lowerThisThreadPriority } from './worker-protocol.ts';

// A study takes the CPU for up to a second; the event loop must not wait behind it.
lowerThisThreadPriority();
answerJobs(computeStudyJob, resultTransferList);

// The estimation worker, slow to start: it loads its code 3 s late, as a busy PC may take to
// start it. For test/hub/workerProtocol.test.ts, which gives its estimates a shorter limit.
setTimeout(() => void import('../../../hub/estimation/estimationWorker'), 3000)

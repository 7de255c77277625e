import { PeriodicJob } from './periodic-job';

describe('PeriodicJob', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('skips a tick while the last pass still runs, and stop waits for it', async () => {
    let release: () => void = () => undefined;
    const pass = jest.fn(() => new Promise<number>((resolve) => (release = () => resolve(1))));
    const seen: number[] = [];
    const job = new PeriodicJob('test', pass, (n) => seen.push(n));
    job.start(1000);
    jest.advanceTimersByTime(3500);
    expect(pass).toHaveBeenCalledTimes(1);
    const stopped = job.stop();
    release();
    await stopped;
    expect(seen).toEqual([1]);
    jest.advanceTimersByTime(5000);
    expect(pass).toHaveBeenCalledTimes(1);
  });

  it('a failed pass does not stop the next one; 0 means never, `now` runs at once', async () => {
    const pass = jest.fn().mockRejectedValueOnce(new Error('db away')).mockResolvedValue(2);
    const never = new PeriodicJob('never', pass);
    never.start(0, { now: true });
    expect(pass).not.toHaveBeenCalled();
    const job = new PeriodicJob('test', pass);
    jest.spyOn(job['logger'], 'error').mockImplementation(() => undefined);
    job.start(1000, { now: true });
    await job.settled();
    expect(pass).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(1000);
    await job.settled();
    expect(pass).toHaveBeenCalledTimes(2);
    await job.stop();
  });
});

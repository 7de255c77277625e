import { ScanRecorder } from './scan-recorder';
import type {
  NewScan,
  Recorded,
  ScanRecord,
  ScanRepository,
  ScanToRecord,
} from './scan.repository';

/** A repository that answers when the test says so, and remembers what it was asked. */
class FakeScans {
  statements: ScanToRecord[][] = [];
  alone: NewScan[] = [];
  private pending: (() => void)[] = [];
  refuseTogether: Error | null = null;
  taken = new Set<string>();

  insertAll(scans: readonly ScanToRecord[]): Promise<Recorded[]> {
    this.statements.push([...scans]);
    return new Promise((resolve, reject) => {
      this.pending.push(() =>
        this.refuseTogether
          ? reject(this.refuseTogether)
          : resolve(scans.map(({ scan }) => recordOf(scan))),
      );
    });
  }

  insertOnce(scan: NewScan): Promise<Recorded | null> {
    this.alone.push(scan);
    return Promise.resolve(this.taken.has(scan.idempotencyKey) ? null : recordOf(scan));
  }

  /** Lets the oldest waiting statement answer. */
  answerNext(): void {
    this.pending.shift()?.();
  }
}

function recordOf(scan: NewScan): ScanRecord {
  return {
    id: `record-of-${scan.idempotencyKey}`,
    permitId: null,
    verdict: 'valid',
    cause: 'valid',
    causeParams: {},
    scannedAt: scan.scannedAt,
    recorderOnDuty: null,
  };
}

function scanOf(key: string, scannedBy = 'warden-1'): NewScan {
  return {
    associationId: 'a',
    scannedBy,
    idempotencyKey: key,
    permitId: null,
    method: 'number',
    plateSeen: null,
    laneId: null,
    carParkId: null,
    spaceLabel: null,
    verdict: 'unknown',
    cause: 'unknown',
    causeParams: {},
    scannedAt: new Date(0),
    recordedAt: new Date(0),
    offline: false,
    recordsDuty: true,
  };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('ScanRecorder: scans arriving together are written together', () => {
  let scans: FakeScans;
  let recorder: ScanRecorder;
  beforeEach(() => {
    scans = new FakeScans();
    recorder = new ScanRecorder(scans as unknown as ScanRepository);
  });

  it('writes a scan that arrives alone on its own', async () => {
    await expect(recorder.record(scanOf('k-1'), null)).resolves.toMatchObject({
      id: 'record-of-k-1',
    });
    expect(scans.statements).toEqual([]);
    expect(scans.alone.map((s) => s.idempotencyKey)).toEqual(['k-1']);
  });

  it('writes what arrives in one turn as one statement, each answered with its own record', async () => {
    const answers = ['k-1', 'k-2', 'k-3'].map((k) => recorder.record(scanOf(k), null));
    await turn();
    expect(scans.statements).toHaveLength(1);
    scans.answerNext();
    expect((await Promise.all(answers)).map((r) => (r as ScanRecord).id)).toEqual([
      'record-of-k-1',
      'record-of-k-2',
      'record-of-k-3',
    ]);
  });

  it('holds two statements at once, a hundred scans each; the rest wait for a free one', async () => {
    const answers = Array.from({ length: 250 }, (_, i) => recorder.record(scanOf(`k-${i}`), null));
    await turn();
    expect(scans.statements.map((s) => s.length)).toEqual([100, 100]);
    scans.answerNext();
    await turn();
    await turn();
    expect(scans.statements.map((s) => s.length)).toEqual([100, 100, 50]);
    scans.answerNext();
    scans.answerNext();
    expect(await Promise.all(answers)).toHaveLength(250);
  });

  it('a key sent twice at once is written once; the second sender is told it was recorded before', async () => {
    const first = recorder.record(scanOf('k-1'), null);
    const second = recorder.record(scanOf('k-1'), null);
    const other = recorder.record(scanOf('k-2'), null);
    const colleague = recorder.record(scanOf('k-1', 'warden-2'), null);
    await turn();
    expect(scans.statements[0]!.map((s) => s.scan.idempotencyKey)).toEqual(['k-1', 'k-2', 'k-1']);
    scans.answerNext();
    await expect(first).resolves.toMatchObject({ id: 'record-of-k-1' });
    await expect(second).resolves.toBeNull();
    await expect(other).resolves.toMatchObject({ id: 'record-of-k-2' });
    await expect(colleague).resolves.toMatchObject({ id: 'record-of-k-1' });
  });

  it('refused together (a key sent in an earlier statement): each is written alone', async () => {
    scans.refuseTogether = Object.assign(new Error('duplicate key'), { code: '23505' });
    scans.taken.add('k-2');
    const answers = ['k-1', 'k-2', 'k-3'].map((k) => recorder.record(scanOf(k), null));
    await turn();
    scans.answerNext();
    const [one, two, three] = await Promise.all(answers);
    expect(one).toMatchObject({ id: 'record-of-k-1' });
    expect(two).toBeNull();
    expect(three).toMatchObject({ id: 'record-of-k-3' });
    expect(scans.alone.map((s) => s.idempotencyKey)).toEqual(['k-1', 'k-2', 'k-3']);
  });

  it('the database away: every scan of the statement fails with it, none is tried alone', async () => {
    const away = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    scans.refuseTogether = away;
    const answers = ['k-1', 'k-2'].map((k) => recorder.record(scanOf(k), null));
    await turn();
    scans.answerNext();
    for (const answer of answers) await expect(answer).rejects.toBe(away);
    expect(scans.alone).toEqual([]);
  });
});

import { readableLine, requestInLog } from './logging';

describe('readable log lines', () => {
  const at = new Date(2026, 10, 30, 19, 5, 9).getTime();

  it('show the time, the level, the context and the message', () => {
    const json = JSON.stringify({ level: 30, time: at, context: 'hutong-parking', msg: 'stopped' });
    expect(readableLine(json, false)).toBe('19:05:09 INFO  [hutong-parking] stopped\n');
  });

  it('show a request as method, path, status and time', () => {
    const json = JSON.stringify({
      level: 30,
      time: at,
      req: { method: 'POST', url: '/api/offers/1/bookings' },
      res: { statusCode: 201 },
      responseTime: 12.4,
      msg: 'request completed',
    });
    expect(readableLine(json, false)).toBe(
      '19:05:09 INFO  POST /api/offers/1/bookings 201 12 ms\n',
    );
  });

  it('indent an error’s stack under its line', () => {
    const json = JSON.stringify({
      level: 50,
      time: at,
      context: 'ErrorFilter',
      msg: 'boom',
      err: { stack: 'Error: boom\n    at here' },
    });
    expect(readableLine(json, false)).toBe(
      '19:05:09 ERROR [ErrorFilter] boom\n    Error: boom\n        at here\n',
    );
  });

  it('pass through what is not JSON, and colour only when asked', () => {
    expect(readableLine('plain words\n', false)).toBe('plain words\n');
    const json = JSON.stringify({ level: 40, time: at, msg: 'careful' });
    expect(readableLine(json, true)).toContain('\x1b[33mWARN \x1b[0m');
  });

  it('carry a request without its credentials or any header but the browser', () => {
    const logged = requestInLog({
      id: 'r-1',
      method: 'POST',
      url: '/api/scans',
      remoteAddress: '10.0.0.7',
      headers: {
        authorization: 'Bearer eyJ.secret',
        cookie: 'refresh=secret',
        'user-agent': 'Mozilla/5.0 (Linux; Android 10)',
      },
    });
    expect(logged).toEqual({
      id: 'r-1',
      method: 'POST',
      url: '/api/scans',
      remoteAddress: '10.0.0.7',
      userAgent: 'Mozilla/5.0 (Linux; Android 10)',
    });
    expect(JSON.stringify(logged)).not.toContain('secret');
  });
});

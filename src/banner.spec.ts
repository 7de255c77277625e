import { bannerLines, baseUrls, startupFailureMessage } from './banner';
import { StartupRefusal } from './database/embedded-postgres';

describe('the start-up banner', () => {
  const facts = {
    publicUrl: 'https://hutong.example.org/',
    host: '0.0.0.0',
    port: 3000,
    database: 'DATABASE_URL',
    demoLogins: false,
    demoPassword: 'hutong-4143',
  };

  it('builds every link from PUBLIC_URL when it is set', () => {
    expect(baseUrls(facts)).toEqual(['https://hutong.example.org']);
    expect(bannerLines(facts)).toContain('  web client   https://hutong.example.org/app/');
  });

  it('offers localhost first, then this machine’s addresses for phones, without PUBLIC_URL', () => {
    const urls = baseUrls({ ...facts, publicUrl: '' });
    expect(urls[0]).toBe('http://localhost:3000');
    expect(urls.slice(1).every((u) => /^http:\/\/\d+\.\d+\.\d+\.\d+:3000$/.test(u))).toBe(true);
    expect(baseUrls({ ...facts, publicUrl: '', host: '127.0.0.1' })).toEqual([
      'http://localhost:3000',
    ]);
  });
});

describe('a start that fails', () => {
  it.each([
    [undefined, 'an unexpected failure without a reason (undefined)'],
    [new StartupRefusal('Another hutong-parking (pid 7) is running'), 'Another hutong-parking'],
    [Object.assign(new Error('listen'), { code: 'EADDRINUSE' }), 'port 3000 is already in use'],
    [
      Object.assign(new Error('x'), { code: 'ECONNREFUSED', address: '127.0.0.1', port: 5432 }),
      'PostgreSQL at 127.0.0.1:5432 refused',
    ],
    [Object.assign(new Error('x'), { code: '28P01' }), 'refused the user or password'],
    [new Error('something broke'), 'something broke'],
  ])('says so in words: %s', (error, words) => {
    const message = startupFailureMessage(error, 3000);
    expect(message.startsWith('hutong-parking could not start: ')).toBe(true);
    expect(message).toContain(words);
    expect(message).not.toMatch(/^undefined$/m);
  });
});

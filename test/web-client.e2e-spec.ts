import { describeWithBrowser, loginInBrowser } from './support/browser';
import { DEMO, startTestApp, type TestApp } from './support/test-app';
import { entryAssets } from './support/web-assets';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(() => app?.close());

describe('the web client is served under /app/', () => {
  it('redirects / and answers client routes with index.html', async () => {
    await app.http().get('/').expect(302).expect('location', '/app/');
    for (const path of ['/app', '/app/', '/app/warden/map']) {
      const response = await app.http().get(path).expect(200);
      expect(response.headers['content-type']).toContain('text/html');
    }
    const { script, style } = await entryAssets(app);
    await app
      .http()
      .get(script)
      .expect(200)
      .expect('content-type', /javascript/);
    await app
      .http()
      .get(style)
      .expect(200)
      .expect('content-type', /text\/css/);
  });

  it('refuses missing files and paths out of dist/web', async () => {
    await app.http().get('/app/nope.js').expect(404);
    await app.http().get('/app/%2e%2e/%2e%2e/package.json').expect(404);
  });
});

describeWithBrowser('members log in on their phones', ({ newPage }) => {
  it.each([
    [DEMO.admin, 'admin'],
    [DEMO.wardens[0], 'warden'],
    [DEMO.resident, 'resident'],
    [DEMO.unit, 'unit'],
    [DEMO.viewer, 'viewer'],
  ])('%s lands on home-%s', async (phone, role) => {
    const page = await newPage();
    await expect(loginInBrowser(page, app.url, phone, DEMO.password)).resolves.toBe(role);
  });

  it('a wrong password is refused with the server message', async () => {
    const page = await newPage();
    await page.goto(`${app.url}/app/#/login`);
    await page.getByTestId('login-phone').fill(DEMO.resident);
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('login-error').innerText()).resolves.toContain(
      '手机号或密码错误',
    );
  });

  it('a resident sees the household vehicles', async () => {
    const page = await newPage();
    await loginInBrowser(page, app.url, DEMO.resident, DEMO.password);
    await page.getByTestId('tile-my-vehicles').click();
    await page.getByTestId('vehicle').first().waitFor();
  });
});

import { isDatabaseUnavailable } from './database-unavailable';

describe('telling a database that is away from a statement that is wrong', () => {
  const named = (name: string) => Object.assign(new Error(name), { name });

  it.each([
    ['a refused connection', Object.assign(new Error('connect'), { code: 'ECONNREFUSED' })],
    ['an administrator ending the backend', Object.assign(new Error('x'), { code: '57P01' })],
    ['a connection exception class', Object.assign(new Error('x'), { code: '08006' })],
    ['pg without a code', new Error('Connection terminated unexpectedly')],
    ['a runner TypeORM released', named('QueryRunnerAlreadyReleasedError')],
    [
      'a runner whose connection TypeORM released',
      named('QueryRunnerProviderAlreadyReleasedError'),
    ],
    [
      'the driver error inside TypeORM’s',
      { name: 'QueryFailedError', driverError: { code: '57P03' } },
    ],
  ])('%s is unavailability (503)', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', Object.assign(new Error('dup'), { code: '23505' })],
    ['a syntax error', Object.assign(new Error('syntax'), { code: '42601' })],
    ['not an object', 'boom'],
  ])('%s is not', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

import { ValidationError } from 'class-validator';
import { DomainError } from './domain-error';
import { toErrorBody } from './error.filter';
import { ValidationFailure, fieldProblemsOf } from './validation';

describe('DomainError', () => {
  it('takes its status from the catalogue and renders per language', () => {
    const error = DomainError.notFound('vehicle', 'abc');
    expect(error.status).toBe(404);
    expect(toErrorBody(error, 'zh-CN')).toMatchObject({
      statusCode: 404,
      error: 'not_found',
      reason: 'not_found',
      message: '未找到车辆',
      params: { what: 'vehicle', id: 'abc' },
    });
    expect(toErrorBody(error, 'en').message).toBe('The vehicle was not found');
  });

  it('hides unexpected errors', () => {
    expect(toErrorBody(new Error('secret detail'), 'en')).toEqual({
      statusCode: 500,
      error: 'internal',
      reason: 'internal',
      message: 'Something went wrong on the server; try again shortly',
    });
  });
});

describe('validation problems', () => {
  function failure(property: string, constraints: Record<string, string>, contexts?: object) {
    const error = new ValidationError();
    error.property = property;
    error.constraints = constraints;
    error.contexts = contexts;
    return new ValidationFailure(fieldProblemsOf([error]));
  }

  it('renders each rule in the reader’s language, limits kept', () => {
    const body = toErrorBody(
      failure('pageSize', { max: 'pageSize must not be greater than 100', isInt: 'x' }),
      'zh-CN',
    );
    expect(body).toMatchObject({
      statusCode: 400,
      reason: 'request.invalid',
      message: '请求内容有误：pageSize',
      details: [
        { field: 'pageSize', rules: ['max', 'isInt'], problems: ['不能大于 100', '应为整数'] },
      ],
    });
  });

  it('names an unknown field and a format from the decorator’s context', () => {
    const unknown = toErrorBody(
      failure('vip', { whitelistValidation: 'property vip should not exist' }),
      'en',
    );
    expect(unknown.details).toEqual([
      { field: 'vip', rules: ['whitelistValidation'], problems: ['is not an allowed field'] },
    ]);
    const format = toErrorBody(
      failure('start', { matches: 'start must match' }, { matches: { format: 'HH:MM' } }),
      'zh-CN',
    );
    expect(format.details).toEqual([
      { field: 'start', rules: ['matches'], problems: ['格式应为 HH:MM'] },
    ]);
  });
});

import 'reflect-metadata';
import { PartialType } from '@nestjs/swagger';
import { plainToInstance, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, ValidateIf, ValidateNested } from 'class-validator';
import { integerProblems, nullProblems, textProblems } from './input-guards';

class Point {
  @IsInt() x!: number;
  @IsOptional() @IsString() label?: string;
}

class Space {
  @IsString() code!: string;
  @IsOptional() @IsString() note?: string;
  // The household of a space may be cleared: null is meaningful here.
  @IsOptional() @ValidateIf((_o, v) => v !== null) @IsUUID() householdId?: string | null;
  @IsOptional() @ValidateNested() @Type(() => Point) at?: Point;
  @IsOptional() @ValidateNested({ each: true }) @Type(() => Point) outline?: Point[];
}

class SpaceChange extends PartialType(Space) {}

const fieldsOf = (problems: { field: string; rules: string[] }[]) =>
  problems.map((p) => `${p.field}:${p.rules.join(',')}`);

describe('textProblems', () => {
  it.each([
    ['下岗胡同 19 号', []],
    ['two\nlines\tand a tab\r\n', []],
    ['emoji 🚗 and a right-to-left mark \u200f', []],
    ['NUL \u0000', ['name:noControlCharacters']],
    ['bell \u0007', ['name:noControlCharacters']],
    ['escape \u001b[31m', ['name:noControlCharacters']],
    ['delete \u007f', ['name:noControlCharacters']],
    ['lone \ud800 half', ['name:noControlCharacters']],
    ['lone \udc00 half', ['name:noControlCharacters']],
    ['王\u202e兰', ['name:noBidiControls']],
    ['\u2066京A12345\u2069', ['name:noBidiControls']],
  ])('%j → %j', (text, expected) => {
    expect(fieldsOf(textProblems({ name: text }))).toEqual(expected);
  });

  it('walks nested objects, arrays and keys, naming each field by its path', () => {
    const problems = textProblems({
      rules: [{ from: '19:00' }, { from: '19:\u000000' }],
      parameters: { 'bad\u202ekey': 1 },
    });
    expect(fieldsOf(problems)).toEqual([
      'rules.1.from:noControlCharacters',
      'parameters.bad\u202ekey:noBidiControls',
    ]);
  });

  it('names a path parameter or a whole text body', () => {
    expect(fieldsOf(textProblems('a\u0000', 'id'))).toEqual(['id:noControlCharacters']);
    expect(fieldsOf(textProblems('csv\u0000'))).toEqual(['body:noControlCharacters']);
  });
});

describe('nullProblems', () => {
  const check = (target: new () => object, plain: Record<string, unknown>) =>
    fieldsOf(nullProblems(plain, plainToInstance(target, plain)));

  it('refuses null where the DTO only made the field optional', () => {
    expect(check(Space, { code: 'XG-07', note: null })).toEqual(['note:isNotNull']);
  });

  it('accepts null where the DTO says null means something', () => {
    expect(check(Space, { code: 'XG-07', householdId: null })).toEqual([]);
  });

  it('leaves a required field’s null to its own validators', () => {
    expect(check(Space, { code: null })).toEqual([]);
  });

  it('checks nested DTOs and arrays of them against their own class', () => {
    expect(
      check(Space, {
        code: 'XG-07',
        at: { x: 1, label: null },
        outline: [{ x: 1 }, { x: 2, label: null }],
      }),
    ).toEqual(['at.label:isNotNull', 'outline.1.label:isNotNull']);
    expect(check(Space, { code: 'XG-07', at: null })).toEqual(['at:isNotNull']);
  });

  it('holds for mapped types, whose every field becomes optional', () => {
    expect(check(SpaceChange, { code: null, householdId: null })).toEqual(['code:isNotNull']);
  });
});

describe('integerProblems', () => {
  it.each([
    [{ page: Number('99999999999999999999') }, ['page:max']],
    [{ page: 2147483647 }, []],
    [{ page: 2147483648 }, ['page:max']],
    [{ offset: -2147483648 }, ['offset:min']],
    [{ ratio: 0.5, big: 1.5e3 }, []],
    [{ nested: { list: [1, 1e20] } }, ['nested.list.1:max']],
    [{ when: new Date(8.64e15) }, []],
  ])('%j → %j', (value, expected) => {
    expect(fieldsOf(integerProblems(value))).toEqual(expected);
  });

  it('gives the limit as the problem’s parameter', () => {
    expect(integerProblems({ page: 1e20 })[0]!.problems).toEqual([
      { reason: 'field.max', params: { limit: 2147483647 } },
    ]);
  });
});

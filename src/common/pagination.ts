import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import type { Page } from '../shared/api/wire';

export class PageQuery {
  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page: number = 1;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize: number = 50;
}

export type { Page } from '../shared/api/wire';

export function pageOf<T>(items: T[], total: number, query: PageQuery): Page<T> {
  return { items, total, page: query.page, pageSize: query.pageSize };
}

export function skipOf(query: PageQuery): number {
  return (query.page - 1) * query.pageSize;
}

/** A list query that a viewer may point at another association they are granted. */
export class ScopedPageQuery extends PageQuery {
  @ApiPropertyOptional({ description: "Defaults to the caller's own association" })
  @IsOptional()
  @IsUUID()
  associationId?: string;
}

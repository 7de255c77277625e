import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Lang } from '../shared/i18n';
import { langOf } from './error.filter';

/** The language the reader asked for (Accept-Language; Chinese when none we speak). */
export const ReaderLang = createParamDecorator((_: unknown, context: ExecutionContext): Lang =>
  langOf(context.switchToHttp().getRequest<{ headers: Record<string, string | string[]> }>()),
);

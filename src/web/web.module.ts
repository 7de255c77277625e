import { Module } from '@nestjs/common';
import { WebController } from './web.controller';

/** The web client: dist/web served under /app/, and / redirected there. */
@Module({ controllers: [WebController] })
export class WebModule {}

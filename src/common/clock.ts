import { Injectable } from '@nestjs/common';

/** Injected wherever a rule depends on "now", so tests can move time. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

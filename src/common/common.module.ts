import { Global, Module } from '@nestjs/common';
import { Transactions } from '../database/transactions';
import { Clock } from './clock';
import { DomainEvents } from './domain-events';

@Global()
@Module({
  providers: [Clock, DomainEvents, Transactions],
  exports: [Clock, DomainEvents, Transactions],
})
export class CommonModule {}

import { Global, Module } from '@nestjs/common';
import { Transactions } from '../database/transactions';
import { Clock } from './clock';
import { DomainEvents } from './domain-events';
import { IdempotentRequestRepository } from './idempotency/idempotent-request.repository';
import { IdempotentRequests } from './idempotency/idempotent-requests.service';

@Global()
@Module({
  providers: [Clock, DomainEvents, Transactions, IdempotentRequestRepository, IdempotentRequests],
  exports: [Clock, DomainEvents, Transactions, IdempotentRequests],
})
export class CommonModule {}

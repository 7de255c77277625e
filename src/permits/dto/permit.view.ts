import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PERMIT_STATUSES, type PermitStatus } from '../permit-status';
import { PERMIT_EVENT_TYPES } from '../../shared/api/permits';
import type {
  PermitEventResponse,
  PermitEventType,
  PermitResponse,
  RevocationEntry as RevocationEntryShape,
  RevocationList as RevocationListShape,
  RevocationState,
} from '../../shared/api/permits';
import { PERMIT_KINDS, type PermitKind } from '../permit-token';

// The OpenAPI description of src/shared/api/permits.ts, which the web client reads too: each
// class implements its shape, so the two cannot drift.

export class PermitView implements PermitResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 1042, description: 'Printed on the card; a warden may type it' })
  number!: number;
  @ApiProperty() associationId!: string;
  @ApiProperty({ enum: PERMIT_KINDS }) kind!: PermitKind;
  @ApiPropertyOptional({ nullable: true, type: String }) vehicleId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) householdId!: string | null;
  @ApiProperty({ example: '京A·12345', description: 'Masked unless the reader needs it' })
  plate!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) laneId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) carParkId!: string | null;
  @ApiProperty({ enum: PERMIT_STATUSES, description: 'Now, by the server clock' })
  status!: PermitStatus;
  @ApiProperty() validFrom!: Date;
  @ApiProperty() validTo!: Date;
  @ApiPropertyOptional({ nullable: true, type: Date }) suspendedUntil!: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String }) suspensionReason!: string | null;
  @ApiProperty({ description: 'Due, in yuan' }) feeCny!: number;
  @ApiProperty({ description: 'Paid so far: the sum of its payments in the ledger' })
  paidCny!: number;
  @ApiPropertyOptional({ nullable: true, type: Date }) feePaidAt!: Date | null;
  @ApiProperty() note!: string;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: "A refused application: the council's written reasons, kept for the applicant",
  })
  refusalReason!: string | null;
}

export class PermitEventView implements PermitEventResponse {
  @ApiProperty() id!: string;
  @ApiProperty() permitId!: string;
  @ApiProperty({ enum: PERMIT_EVENT_TYPES, example: 'suspended' }) type!: PermitEventType;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'null: the system' })
  actorMemberId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) actorName!: string | null;
  @ApiProperty() reason!: string;
  @ApiProperty() at!: Date;
}

export class RevocationEntry implements RevocationEntryShape {
  @ApiProperty({ description: 'The permit number (the `p` claim)' }) number!: number;
  @ApiProperty({ enum: ['revoked', 'suspended', 'reinstated'] }) state!: RevocationState;
  @ApiPropertyOptional({ nullable: true, type: Date, description: 'For suspensions' })
  until!: Date | null;
  @ApiProperty() at!: Date;
}

export class RevocationList implements RevocationListShape {
  @ApiProperty({ description: 'Send as `since` next time' }) asOf!: Date;
  @ApiPropertyOptional({ nullable: true, type: Date }) since!: Date | null;
  @ApiProperty({ type: [RevocationEntry] }) entries!: RevocationEntry[];
}

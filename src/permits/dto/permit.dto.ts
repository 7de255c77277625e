import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { ScopedPageQuery } from '../../common/pagination';
import { PERMIT_STATUSES, type PermitStatus } from '../permit-status';
import { PERMIT_KINDS, type PermitKind } from '../permit-token';

export class ApplyPermitDto {
  @ApiProperty({ description: 'The vehicle (a resident applies for their own household’s)' })
  @IsUUID()
  vehicleId!: string;

  @ApiPropertyOptional({
    description: 'Limit the permit to one lane; association-wide when omitted',
  })
  @IsOptional()
  @IsUUID()
  laneId?: string;

  @ApiPropertyOptional({
    example: '2025-12-01T00:00:00+08:00',
    description: 'Defaults to approval time',
  })
  @IsOptional()
  @IsDateString()
  validFrom?: string;

  @ApiPropertyOptional({
    example: '2026-11-30T23:59:59+08:00',
    description: 'Defaults to one year',
  })
  @IsOptional()
  @IsDateString()
  validTo?: string;

  @ApiPropertyOptional({ example: '夜班护士，晚归' })
  @IsOptional()
  @IsString()
  @Length(0, 200)
  note?: string;
}

export class ApprovePermitDto {
  @ApiPropertyOptional() @IsOptional() @IsDateString() validFrom?: string;
  @ApiPropertyOptional() @IsOptional() @IsDateString() validTo?: string;
}

export class ReasonDto {
  @ApiProperty({ example: '车辆已出售 / car sold' })
  @IsString()
  @Length(1, 200)
  reason!: string;
}

export class SuspendPermitDto extends ReasonDto {
  @ApiProperty({
    example: '2025-12-08T00:00:00+08:00',
    description: 'The suspension ends by itself then',
  })
  @IsDateString()
  until!: string;
}

export class RenewPermitDto {
  @ApiProperty({ example: '2026-12-31T23:59:59+08:00' })
  @IsDateString()
  validTo!: string;
}

/** A fee taken on a permit: the payment ledger's own fields. */
export { RecordPaymentDto } from '../../payments/dto/payment.dto';

export class PermitQuery extends ScopedPageQuery {
  @ApiPropertyOptional({ enum: PERMIT_KINDS }) @IsOptional() @IsIn(PERMIT_KINDS) kind?: PermitKind;
  @ApiPropertyOptional({ enum: PERMIT_STATUSES })
  @IsOptional()
  @IsIn(PERMIT_STATUSES)
  status?: PermitStatus;
  @ApiPropertyOptional() @IsOptional() @IsUUID() vehicleId?: string;
}

export class LedgerQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() associationId?: string;
}

export class RevocationsQuery extends LedgerQuery {
  @ApiPropertyOptional({
    description: 'The `asOf` of the previous answer; everything when omitted',
  })
  @IsOptional()
  @IsDateString()
  since?: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';

export class RaiseObjectionDto {
  @ApiProperty({
    example: '车位正对我家窗户,夜里车灯照进屋 / headlights shine into our window at night',
  })
  @IsString()
  @Length(2, 500)
  reason!: string;
}

export class DecideObjectionDto {
  @ApiProperty({ enum: ['upheld', 'dismissed'] })
  @IsIn(['upheld', 'dismissed'])
  decision!: 'upheld' | 'dismissed';
  @ApiProperty({ description: 'The written answer the household receives' })
  @IsString()
  @Length(2, 1000)
  reason!: string;
}

export class ObjectionView {
  @ApiProperty() id!: string;
  @ApiProperty() spaceId!: string;
  @ApiProperty() householdId!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() raisedAt!: string;
  @ApiProperty({ nullable: true, enum: ['upheld', 'dismissed'] }) decision!: string | null;
  @ApiProperty({ nullable: true }) decisionReason!: string | null;
  @ApiProperty({ nullable: true }) decidedAt!: string | null;
}

/** A household's own objection, named by the space's code (the space may since be withdrawn). */
export class MyObjectionView extends ObjectionView {
  @ApiProperty({ example: 'XG-41' }) spaceCode!: string;
}

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

/** 门前新画车位公示: a space awaiting consent that faces the reader's household. */
export class ConsentNoticeView {
  @ApiProperty() spaceId!: string;
  @ApiProperty({ example: 'XG-41' }) code!: string;
  @ApiProperty() laneId!: string;
  @ApiProperty({ example: '下岗胡同' }) laneName!: string;
  @ApiProperty({
    nullable: true,
    example: '12号',
    description: 'The landmark nearest the space along the lane, if one is close',
  })
  near!: string | null;
  @ApiProperty({ description: 'The household may object until then' }) objectionUntil!: string;
  @ApiProperty({
    type: ObjectionView,
    nullable: true,
    description: "The household's own objection, if it has raised one",
  })
  objection!: ObjectionView | null;
}

export class FacingHouseholdView {
  @ApiProperty() householdId!: string;
  @ApiProperty({ example: '下岗胡同12号' }) address!: string;
}

export class CouncilObjectionView extends ObjectionView {
  @ApiProperty({ example: '下岗胡同12号' }) householdAddress!: string;
}

export const CONSENT_STATUSES = ['in_notice', 'awaiting_answers', 'live', 'withdrawn'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

/** A space of the lane in the consent process, with every objection, for the council. */
export class ConsentCaseView {
  @ApiProperty() spaceId!: string;
  @ApiProperty({ example: 'XG-41' }) code!: string;
  @ApiProperty({ nullable: true }) objectionUntil!: string | null;
  @ApiProperty({
    enum: CONSENT_STATUSES,
    description:
      'in_notice: the window is open; awaiting_answers: an objection waits for the written answer; live; withdrawn (an objection upheld)',
  })
  status!: ConsentStatus;
  @ApiProperty({ type: [FacingHouseholdView] }) facing!: FacingHouseholdView[];
  @ApiProperty({ type: [CouncilObjectionView] }) objections!: CouncilObjectionView[];
}

export class UndecidedObjections {
  @ApiProperty({ description: 'Objections to spaces still in consent, not yet answered' })
  total!: number;
}

import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

export class GrantViewerDto {
  @ApiProperty({ example: '13800000200', description: "The viewer's login phone" })
  @IsString()
  @Matches(/^1\d{10}$/, { context: { reason: 'field.phone' } })
  phone!: string;
}

export class ViewerGrantView {
  @ApiProperty() memberId!: string;
  @ApiProperty({ example: '金融街街道 刘干事' }) name!: string;
  @ApiProperty({ example: '138****0200' }) phone!: string;
  @ApiProperty({
    example: '4143车友会',
    description: 'The association the viewer account belongs to',
  })
  homeAssociation!: string;
}

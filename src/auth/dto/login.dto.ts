import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { MemberView } from '../../associations/dto/member.view';
import type { SessionResponse } from '../../shared/api/associations';

export class LoginDto {
  @ApiProperty({ example: '13800000001' })
  @IsString()
  @Matches(/^1\d{10}$/, { context: { reason: 'field.phone' } })
  phone!: string;

  @ApiProperty({ example: 'hutong-4143' })
  @IsString()
  @Length(1, 200)
  password!: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @Length(20, 200)
  refreshToken!: string;
}

export class ChangePasswordDto {
  @ApiProperty({ description: 'The password in use now' })
  @IsString()
  @Length(1, 200)
  currentPassword!: string;

  @ApiProperty({ description: '10+ characters, not a common password, not the phone number' })
  @IsString()
  @Length(1, 200)
  newPassword!: string;
}

export class SessionView implements SessionResponse {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn!: number;
  @ApiProperty({ description: 'Exchange at POST /api/auth/refresh for a new pair' })
  refreshToken!: string;
  @ApiProperty({ type: () => MemberView }) member!: MemberView;
}

import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../auth/decorators';
import { ApiStandardErrors } from '../../common/api-errors.decorator';
import { AnswerMoveDto, PublicNoticeView } from './move-request.dto';
import { WindscreenNoticesService } from './windscreen-notices.service';

/** The page a driver opens from the QR on the windscreen notice: no login, no personal data. */
@ApiTags('permits')
@ApiStandardErrors()
@Controller('api/move-notices')
export class WindscreenNoticesController {
  constructor(private readonly notices: WindscreenNoticesService) {}

  @Get(':token')
  @Public()
  @ApiOkResponse({ type: PublicNoticeView })
  @ApiOperation({ summary: 'Public: the windscreen notice (挪车提示) behind its QR; masked plate' })
  read(@Param('token') token: string): Promise<PublicNoticeView> {
    return this.notices.read(token);
  }

  @Post(':token/answer')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: PublicNoticeView })
  @ApiOperation({
    summary: 'Public: the driver answers the notice once; the warden hears it live',
  })
  answer(@Param('token') token: string, @Body() body: AnswerMoveDto): Promise<PublicNoticeView> {
    return this.notices.answer(token, body.answer);
  }
}

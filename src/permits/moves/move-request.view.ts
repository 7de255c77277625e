// A 挪车 request → what one reader sees: the holder sees their own plate, the asker a masked one,
// and nobody ever the other's name or phone.
import { formatPlate } from '../../shared/plate';
import { maskPlate } from '../../common/masking';
import type { MoveRequestFacts } from '../permits.events';
import type { MoveRequestResponse } from '../../shared/api/permits';

export function moveRequestSeenBy(
  request: MoveRequestFacts,
  viewerId: string,
): MoveRequestResponse {
  const holderView = request.holderMemberId === viewerId;
  return {
    id: request.id,
    plate: holderView ? formatPlate(request.plate) : maskPlate(request.plate),
    note: request.note,
    askedByMe: request.askedBy === viewerId,
    askedAt: request.askedAt,
    answer: request.answer,
    answeredAt: request.answeredAt,
    byNotice: request.noticeExpiresAt !== null,
  };
}

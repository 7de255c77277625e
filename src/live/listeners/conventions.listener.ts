import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ConventionVoteCounted, ConventionVoteOpened } from '../../conventions/conventions.events';
import { LiveEmitter } from '../live-emitter';
import { rooms } from '../live-events';

/**
 * The convention's vote, live: every member of the association hears that the vote opened and
 * what it decided. Counts only, the same for everyone, so one emit per association.
 */
@Injectable()
export class ConventionsLiveListener {
  constructor(private readonly live: LiveEmitter) {}

  @OnEvent(ConventionVoteOpened.type)
  voteOpened(event: ConventionVoteOpened): void {
    this.live.emit(rooms.association(event.associationId), 'convention.voting', {
      versionId: event.versionId,
      number: event.number,
      votingCloseAt: event.votingCloseAt.toISOString(),
    });
  }

  @OnEvent(ConventionVoteCounted.type)
  voteCounted(event: ConventionVoteCounted): void {
    const t = event.tally;
    this.live.emit(rooms.association(event.associationId), 'convention.result', {
      versionId: event.versionId,
      number: event.number,
      eligible: t.eligible,
      yes: t.yes,
      no: t.no,
      abstain: t.abstain,
      turnout: t.turnout,
      quorumMet: t.quorumMet,
      thresholdMet: t.thresholdMet,
      outcome: t.adopted ? 'adopted' : 'rejected',
      resultAt: event.resultAt.toISOString(),
      noticeUntil: event.noticeUntil.toISOString(),
      effectiveFrom: event.effectiveFrom?.toISOString() ?? null,
    });
  }
}

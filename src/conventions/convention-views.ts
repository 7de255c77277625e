// Version → response mappers. Ballots never leave here with a choice.
import { articleLabel } from './convention-parameters';
import type { AdoptionRules, ConventionArticle, ConventionVersion } from './convention-version';
import type { Article, Version, VersionSummary, VoteResult } from '../shared/api/conventions';

export function toArticleView(article: ConventionArticle): Article {
  return {
    number: article.number,
    label: articleLabel(article.number),
    text: article.text,
    parameters: article.parameters,
  };
}

export function toRulesView(r: AdoptionRules): AdoptionRules {
  return {
    votingUnit: r.votingUnit,
    quorum: { ...r.quorum },
    threshold: { ...r.threshold },
    abstentionsCountAsCast: r.abstentionsCountAsCast,
    commentDays: r.commentDays,
    votingDays: r.votingDays,
    noticeDays: r.noticeDays,
  };
}

export function toResultView(v: ConventionVersion): VoteResult | null {
  if (v.resultAt === null || (v.status !== 'adopted' && v.status !== 'rejected')) return null;
  const yes = v.votesYes ?? 0;
  const no = v.votesNo ?? 0;
  const abstain = v.votesAbstain ?? 0;
  return {
    eligible: v.eligibleVoters ?? 0,
    yes,
    no,
    abstain,
    turnout: yes + no + abstain,
    quorumMet: v.quorumMet ?? false,
    thresholdMet: v.thresholdMet ?? false,
    outcome: v.status,
    resultAt: v.resultAt,
  };
}

export function toSummaryView(v: ConventionVersion, inForceId: string | null): VersionSummary {
  const rules = v.adoptionRules;
  return {
    id: v.id,
    number: v.number,
    title: v.title,
    status: v.status,
    inForce: v.id === inForceId,
    votingUnit: rules.votingUnit,
    quorum: { ...rules.quorum },
    threshold: { ...rules.threshold },
    abstentionsCountAsCast: rules.abstentionsCountAsCast,
    noticeDays: rules.noticeDays,
    ballot: toRulesView(v.ballot),
    commentsCloseAt: v.commentsCloseAt,
    votingCloseAt: v.votingCloseAt,
    noticeUntil: v.noticeUntil,
    effectiveFrom: v.effectiveFrom,
    result: toResultView(v),
  };
}

export function toVersionView(
  v: ConventionVersion,
  articles: ConventionArticle[],
  inForceId: string | null,
  receipts: string[],
): Version {
  return {
    ...toSummaryView(v, inForceId),
    amendsVersionId: v.amendsVersionId,
    commentDays: v.adoptionRules.commentDays,
    votingDays: v.adoptionRules.votingDays,
    adoptionArticle: v.adoptionArticle,
    proposedEffectiveFrom: v.proposedEffectiveFrom,
    commentsOpenAt: v.commentsOpenAt,
    votingOpenAt: v.votingOpenAt,
    articles: articles.map(toArticleView),
    parameters: v.parameters,
    receipts,
  };
}

import { defineConstraints, defineReasons } from './types';

/** Refusals of the convention: versions, comments, votes, acknowledgements. */
const refusals = defineReasons({
  'convention.none_in_force': {
    status: 404,
    zh: '尚无生效的自治公约，适用默认规则',
    en: 'No convention is in force yet; the default rules apply',
  },
  'convention.draft_invalid': {
    status: 400,
    zh: '公约草案有误：{fields}',
    en: 'The draft is not well-formed: {fields}',
  },
  'ballot.weaker_than_article': {
    status: 409,
    zh: '本草案自身的表决须依照{article}，不得放宽：{fields}',
    en: 'The vote on this draft follows {article} and cannot be made weaker: {fields}',
  },
  'ballot.weaker_than_in_force': {
    status: 409,
    zh: '本草案自身的表决须依照现行表决规则，不得放宽：{fields}',
    en: 'The vote on this draft follows the voting rules in force and cannot be made weaker: {fields}',
  },
  'version.changes_closed': {
    status: 409,
    zh: '第{number}版已开始征求意见，不能再修改；如需修改请另拟新版本',
    en: 'Version {number} is past its draft and can no longer be changed; amend it with a new version',
  },
  'version.not_draft': {
    status: 409,
    zh: '第{number}版已不是草案',
    en: 'Version {number} is no longer a draft',
  },
  'version.another_open': {
    status: 409,
    zh: '另一版本正在征求意见或表决，请待其结束',
    en: 'Another version is open for comments or voting; wait until it is decided',
  },
  'version.effective_taken': {
    status: 409,
    zh: '已有另一版本在同一时间生效',
    en: 'Another version takes effect at the same moment',
  },
  'vote.not_after_comments': {
    status: 409,
    zh: '第{number}版不在征求意见期，不能交付表决',
    en: 'Version {number} is not open for comments, so it cannot go to the vote',
  },
  'vote.comments_running': {
    status: 409,
    zh: '第{number}版征求意见期至 {until} 结束，之后才能表决',
    en: 'Comments on version {number} run until {until}; the vote opens after that',
  },
  'vote.not_open': {
    status: 409,
    zh: '第{number}版不在表决期',
    en: 'Version {number} is not open for voting',
  },
  'vote.households_only': {
    status: 403,
    zh: '只有本会住户可以投票',
    en: 'Only households of the association vote',
  },
  'vote.household_voted': {
    status: 409,
    zh: '本户已投票，每户一票',
    en: 'Your household has already voted: one vote per household',
  },
  'vote.member_voted': {
    status: 409,
    zh: '您已投票，每人一票',
    en: 'You have already voted: one vote per member',
  },
  'vote.still_running': {
    status: 409,
    zh: '第{number}版表决期至 {until}，尚有{missing}票未投',
    en: 'The vote on version {number} runs until {until} and {missing} have not voted yet',
  },
  'comment.members_only': {
    status: 403,
    zh: '只有本会成员可以提意见',
    en: 'Only members of the association comment',
  },
  'comment.period_closed': {
    status: 409,
    zh: '第{number}版不在征求意见期',
    en: 'Version {number} is not open for comments',
  },
  'comment.council_replies': {
    status: 403,
    zh: '只有理事会可以书面答复意见',
    en: 'Only the council answers comments',
  },
  'comment.already_answered': {
    status: 409,
    zh: '这条意见已经答复过了',
    en: 'This comment has already been answered',
  },
  'comment.no_such_article': {
    status: 400,
    zh: '草案没有第 {number} 条',
    en: 'The draft has no article {number}',
  },
});

/**
 * What can be wrong with one field of a draft: the problems of `convention.draft_invalid` and
 * `ballot.weaker_*`, each shown beside its field (`details[].problems`).
 */
export const draftProblems = defineReasons({
  'draft.parameter_unknown': {
    status: 400,
    zh: '不是公约的参数',
    en: 'is not a parameter of the convention',
  },
  'draft.integer_range': {
    status: 400,
    zh: '应为 {min}–{max} 的整数',
    en: 'must be a whole number from {min} to {max}',
  },
  'draft.yes_or_no': { status: 400, zh: '应为是或否', en: 'must be yes or no' },
  'draft.windows_list': {
    status: 400,
    zh: '应为至多 {limit} 个时段的列表',
    en: 'must be a list of at most {limit} windows',
  },
  'draft.window_times': {
    status: 400,
    zh: '起止时间应为 HH:MM',
    en: 'from and to must look like HH:MM',
  },
  'draft.window_empty': { status: 400, zh: '起止时间不能相同', en: 'from and to must differ' },
  'draft.window_days': {
    status: 400,
    zh: '星期应为 1–7 且不重复',
    en: 'days must be distinct weekdays 1–7',
  },
  'draft.window_reason': {
    status: 400,
    zh: '请写明原因（1–120 字）',
    en: 'needs a reason of 1 to 120 characters',
  },
  'draft.unknown_fields': {
    status: 400,
    zh: '有未知字段：{fields}',
    en: 'has unknown fields: {fields}',
  },
  'draft.tiers_list': {
    status: 400,
    zh: '应为最多 {limit} 个优先类别的列表',
    en: 'must be a list of at most {limit} priority tiers',
  },
  'draft.tier_key': {
    status: 400,
    zh: '代码应为小写字母开头的字母、数字或下划线（最多32个）',
    en: 'must be lower-case letters, digits or _ starting with a letter (up to 32)',
  },
  'draft.tier_repeated': {
    status: 400,
    zh: '优先类别 {key} 重复',
    en: 'priority tier {key} appears twice',
  },
  'draft.tier_label': { status: 400, zh: '名称应为1–40个字', en: 'must be 1 to 40 characters' },
  'draft.ladder_steps': {
    status: 400,
    zh: '应为 {min}–{max} 级',
    en: 'must have {min} to {max} steps',
  },
  'draft.ladder_step_number': { status: 400, zh: '级数应为 {step}', en: 'must be step {step}' },
  'draft.ladder_action': {
    status: 400,
    zh: '处理方式应为 {actions} 之一',
    en: 'must be one of {actions}',
  },
  'draft.suspension_days_only': {
    status: 400,
    zh: '只有暂停停车证一级可设天数',
    en: 'only a suspension step has suspension days',
  },
  'draft.persuasion_first': {
    status: 400,
    zh: '第一次违约应为劝导',
    en: 'the first step must be persuasion',
  },
  'draft.article_repeated': {
    status: 400,
    zh: '第 {number} 条重复出现',
    en: 'article {number} appears twice',
  },
  'draft.article_parameter_unknown': {
    status: 400,
    zh: '第 {number} 条关联了未知参数 {parameter}',
    en: 'article {number} names an unknown parameter {parameter}',
  },
  'draft.parameter_stated_twice': {
    status: 400,
    zh: '{parameter} 已由前面的条款规定，第 {number} 条不能再规定',
    en: '{parameter} is already stated by an earlier article; article {number} cannot state it again',
  },
  'draft.parameter_unstated': {
    status: 400,
    zh: '没有条款规定此参数',
    en: 'no article states this parameter',
  },
  'draft.threshold_range': {
    status: 400,
    zh: '通过比例应大于 0 且不超过 1',
    en: 'the threshold must be above 0 and at most 1',
  },
  'draft.quorum_range': {
    status: 400,
    zh: '法定参加比例不能超过全体',
    en: 'the quorum must be at most 1',
  },
  'draft.no_articles': { status: 400, zh: '至少要有一条', en: 'needs at least one article' },
  'draft.adoption_article_missing': {
    status: 400,
    zh: '草案没有第 {number} 条',
    en: 'the draft has no article {number}',
  },
  'ballot.household_vote': {
    status: 409,
    zh: '须每户一票',
    en: 'must be one vote per household',
  },
  'ballot.member_vote': { status: 409, zh: '须每人一票', en: 'must be one vote per member' },
  'ballot.share_at_least': {
    status: 409,
    zh: '不得低于 {required}',
    en: 'must be at least {required}',
  },
  'ballot.abstentions_count': {
    status: 409,
    zh: '弃权须计入投票基数',
    en: 'abstentions must count as votes cast',
  },
  'ballot.days_at_least': {
    status: 409,
    zh: '不得少于 {days} 天',
    en: 'must be at least {days} days',
  },
});

export const conventionsReasons = { ...refusals, ...draftProblems };

/** Constraints of the conventions tables → the reason a broken one means. */
export const conventionsConstraints = defineConstraints({
  convention_version_one_open_key: 'version.another_open',
  convention_version_effective_key: 'version.effective_taken',
  convention_vote_once_key: 'vote.household_voted',
});

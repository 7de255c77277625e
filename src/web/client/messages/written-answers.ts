// Every question gets a written answer: the council's replies to comments, and the written
// reasons of decisions (appeals, refused permits) where the person concerned looks.
export const zh = {
  'answer.reply': '书面答复',
  'answer.replyTo': '书面答复（{author}的意见）',
  'answer.replyLabel': '理事会的书面答复',
  'answer.replyPlaceholder': '如：感谢建议。理事会将在表决前统计周末来访情况。',
  'answer.replyEmpty': '请先写下答复内容',
  'answer.send': '发送答复',
  'answer.sending': '正在发送…',
  'answer.confirmTitle': '发送这条书面答复？',
  'answer.confirmBody': '每条意见只答复一次，发送后所有会员都能看到，不能修改。',
  'answer.replied': '理事会答复（{author}，{time}）：',
  'answer.awaiting': '等待理事会书面答复',
  'answer.unanswered': '待答复 {count} 条',
  'answer.done': '答复已发送，所有会员可见。',
  'answer.generalComments': '对整份草案的意见',
  'reasons.permitRefused': '未获批准。理事会的理由：{reason}',
  'reasons.myViolations': '我家的违约记录',
  'reasons.noViolations': '没有违约记录',
  'reasons.violationLine': '{time} · {place} · 第{step}次',
  'reasons.appealPending': '已申诉：{reason}（等待理事会决定）',
  'reasons.violationStands': '申诉未获支持。理事会的理由：{note}',
  'reasons.violationWithdrawn': '申诉成立，记录撤销。理事会的理由：{note}',
};

export const en: Record<keyof typeof zh, string> = {
  'answer.reply': 'Answer in writing',
  'answer.replyTo': "Answer in writing ({author}'s comment)",
  'answer.replyLabel': "The council's written answer",
  'answer.replyPlaceholder':
    'e.g. Thank you. The council will count weekend visits before the vote.',
  'answer.replyEmpty': 'Write the answer first',
  'answer.send': 'Send the answer',
  'answer.sending': 'Sending…',
  'answer.confirmTitle': 'Send this written answer?',
  'answer.confirmBody':
    'Each comment is answered once; every member reads the answer, and it cannot be changed.',
  'answer.replied': 'The council answered ({author}, {time}):',
  'answer.awaiting': 'Awaiting the council’s written answer',
  'answer.unanswered': '{count} awaiting an answer',
  'answer.done': 'The answer is sent; every member can read it.',
  'answer.generalComments': 'Comments on the whole draft',
  'reasons.permitRefused': 'Not approved. The council’s reasons: {reason}',
  'reasons.myViolations': 'My household’s violations',
  'reasons.noViolations': 'No violations',
  'reasons.violationLine': '{time} · {place} · step {step}',
  'reasons.appealPending': 'Appealed: {reason} (awaiting the council’s decision)',
  'reasons.violationStands': 'The appeal was not upheld. The council’s reasons: {note}',
  'reasons.violationWithdrawn':
    'The appeal was upheld; the record is withdrawn. The council’s reasons: {note}',
};

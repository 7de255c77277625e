import { defineReasons } from './types';

/** Refusals that belong to no one feature: the request itself, access, the service's state. */
export const commonReasons = defineReasons({
  not_found: { status: 404, zh: '未找到{what}', en: 'The {what} was not found' },
  forbidden: { status: 403, zh: '无权进行此操作', en: 'You may not do this' },
  'role.forbidden': {
    status: 403,
    zh: '您的角色无权进行此操作',
    en: 'Your role may not do this',
  },
  'council.only': {
    status: 403,
    zh: '仅车友会理事会可进行此操作',
    en: 'Only the association council may do this',
  },
  'request.invalid': {
    status: 400,
    zh: '请求内容有误：{fields}',
    en: 'The request is not valid: {fields}',
  },
  'request.malformed_json': {
    status: 400,
    zh: '请求内容不是有效的 JSON',
    en: 'The request body is not valid JSON',
  },
  'request.empty_body': { status: 400, zh: '请求内容为空', en: 'The request body is empty' },
  'request.too_large': {
    status: 413,
    zh: '请求内容过大',
    en: 'The request body is too large',
  },
  'request.unsupported_media_type': {
    status: 415,
    zh: '不支持的内容类型',
    en: 'This content type is not supported',
  },
  'request.bad': { status: 400, zh: '请求无效', en: 'The request is not valid' },
  // Limits on the shape of a JSON body, checked before it is parsed: a deeply nested or
  // many-keyed body costs the validator far more than its size suggests.
  'request.too_deep': {
    status: 400,
    zh: '请求内容嵌套过深，最多 {limit} 层',
    en: 'The request body is nested too deeply: at most {limit} levels',
  },
  'request.too_many_keys': {
    status: 400,
    zh: '请求内容的字段和列表项过多，最多 {limit} 个',
    en: 'The request body has too many fields and list items: at most {limit}',
  },
  // Refusals the HTTP layer gives before a route is found.
  'request.bad_url': {
    status: 400,
    zh: '请求地址格式不正确',
    en: 'The request address is malformed',
  },
  'request.uri_too_long': {
    status: 414,
    zh: '请求地址过长',
    en: 'The request address is too long',
  },
  'request.headers_too_large': {
    status: 431,
    zh: '请求头过大',
    en: 'The request headers are too large',
  },
  'request.malformed': {
    status: 400,
    zh: '请求格式不正确，无法读取',
    en: 'The request is malformed and cannot be read',
  },
  'request.timeout': {
    status: 408,
    zh: '请求发送超时，请重试',
    en: 'The request took too long to arrive; try again',
  },
  'request.method_not_allowed': {
    status: 400,
    zh: '不支持此请求方法',
    en: 'This method is not allowed here',
  },
  'rate.limited': {
    status: 429,
    zh: '操作过于频繁，请{seconds}秒后再试',
    en: 'Too many attempts: try again in {seconds} seconds',
  },
  'record.conflict': {
    status: 409,
    zh: '与现有记录冲突',
    en: 'This conflicts with an existing record',
  },
  'record.in_use': {
    status: 409,
    zh: '引用的记录不存在或仍在使用',
    en: 'A referenced record is missing or still in use',
  },
  'record.rule_broken': {
    status: 400,
    zh: '数据不符合规则',
    en: 'A value breaks a rule of the data',
  },
  'idempotency.key_invalid': {
    status: 400,
    zh: 'Idempotency-Key 应为 1 到 255 个可见字符',
    en: 'The Idempotency-Key must be 1 to 255 visible characters',
  },
  'idempotency.key_reused': {
    status: 422,
    zh: '此 Idempotency-Key 已用于另一个不同的请求，新的请求请换一个新的键',
    en: 'This Idempotency-Key was used for a different request; send a new request with a new key',
  },
  'idempotency.in_progress': {
    status: 409,
    zh: '使用此 Idempotency-Key 的请求仍在处理中，请稍后再试',
    en: 'The request with this Idempotency-Key is still being processed; try again shortly',
  },
  'service.unavailable': {
    status: 503,
    zh: '服务暂时不可用，请稍后再试',
    en: 'The service is briefly unavailable; try again shortly',
  },
  internal: {
    status: 500,
    zh: '服务器出错了，请稍后再试',
    en: 'Something went wrong on the server; try again shortly',
  },
});

/**
 * One problem with one field of a request, rendered in `details[].problems` (the rule name is kept
 * in `details[].rules` for programs). Keys are class-validator constraint names.
 */
export const fieldProblems = defineReasons({
  'field.whitelistValidation': { status: 400, zh: '不允许此字段', en: 'is not an allowed field' },
  'field.isDefined': { status: 400, zh: '必须填写', en: 'is required' },
  'field.isNotEmpty': { status: 400, zh: '不能为空', en: 'must not be empty' },
  'field.isString': { status: 400, zh: '应为文字', en: 'must be text' },
  'field.isInt': { status: 400, zh: '应为整数', en: 'must be a whole number' },
  'field.isNumber': { status: 400, zh: '应为数字', en: 'must be a number' },
  'field.yuan': {
    status: 400,
    zh: '应为以元计的金额，最多两位小数',
    en: 'must be a sum in yuan with at most two decimals',
  },
  'field.isBoolean': { status: 400, zh: '应为是或否', en: 'must be true or false' },
  'field.isUuid': { status: 400, zh: '编号格式不正确', en: 'must be an id (UUID)' },
  'field.isArray': { status: 400, zh: '应为列表', en: 'must be a list' },
  'field.isObject': { status: 400, zh: '应为对象', en: 'must be an object' },
  'field.isDateString': {
    status: 400,
    zh: '应为日期时间，例如 2026-11-30T20:00:00+08:00',
    en: 'must be a date and time like 2026-11-30T20:00:00+08:00',
  },
  'field.isIn': { status: 400, zh: '应为以下之一：{values}', en: 'must be one of: {values}' },
  'field.min': { status: 400, zh: '不能小于 {limit}', en: 'must be at least {limit}' },
  'field.max': { status: 400, zh: '不能大于 {limit}', en: 'must be at most {limit}' },
  'field.length': {
    status: 400,
    zh: '长度应在 {min} 到 {max} 个字之间',
    en: 'must be {min} to {max} characters long',
  },
  'field.maxLength': {
    status: 400,
    zh: '最多 {limit} 个字',
    en: 'must be at most {limit} characters',
  },
  'field.minLength': {
    status: 400,
    zh: '至少 {limit} 个字',
    en: 'must be at least {limit} characters',
  },
  'field.arrayMaxSize': {
    status: 400,
    zh: '最多 {limit} 项',
    en: 'must have at most {limit} items',
  },
  'field.arrayMinSize': {
    status: 400,
    zh: '至少 {limit} 项',
    en: 'must have at least {limit} items',
  },
  'field.arrayUnique': { status: 400, zh: '不能有重复项', en: 'must not repeat an item' },
  'field.matches': { status: 400, zh: '格式不正确', en: 'is not in the expected format' },
  'field.format': { status: 400, zh: '格式应为 {format}', en: 'must look like {format}' },
  'field.phone': {
    status: 400,
    zh: '应为 11 位手机号',
    en: 'must be an 11-digit mobile number',
  },
  'field.isLatitude': { status: 400, zh: '应为纬度', en: 'must be a latitude' },
  'field.isLongitude': { status: 400, zh: '应为经度', en: 'must be a longitude' },
  'field.invalid': { status: 400, zh: '取值无效', en: 'has an invalid value' },
  'field.control_characters': {
    status: 400,
    zh: '含有不允许的控制字符',
    en: 'must not contain control characters',
  },
  'field.bidi_controls': {
    status: 400,
    zh: '含有改变文字方向的控制字符',
    en: 'must not contain text-direction control characters',
  },
  'field.not_null': {
    status: 400,
    zh: '不能为 null；不填写时请省略此字段',
    en: 'must not be null: leave the field out instead',
  },
});

import { defineConstraints, defineReasons } from './types';

/**
 * Refusals of off-peak sharing: car parks, offers, bookings, standing allocations, the holiday
 * calendar. A refusal that rests on a rule says whose: `rule: 'offer'` for the unit's own terms
 * (its hours, leave-by, booking horizon), `rule: 'convention'` with the `article` (its number, or
 * null when the convention states none and the default applies) for the parking convention.
 */
export const sharingReasons = defineReasons({
  'car_park.unit_only': {
    status: 403,
    zh: '仅驻区单位可登记停车场',
    en: 'Only the staff of a resident unit may add a car park',
  },
  'car_park.codes_exceed_spaces': {
    status: 400,
    zh: '车位编号有{codes}个，多于车位总数{total}个',
    en: '{codes} space codes are more than the {total} spaces of the car park',
  },
  'car_park.name_taken': {
    status: 409,
    zh: '本单位已有名为“{name}”的停车场',
    en: 'Your unit already has a car park named "{name}"',
  },
  'car_park.bookings_hidden': {
    status: 403,
    zh: '仅该驻区单位和本车友会的理事会、管理员可查看预约',
    en: "Only the unit and the association's council and wardens may see its bookings",
  },

  'offer.unit_only': {
    status: 403,
    zh: '仅出借车位的驻区单位可发布或修改此共享',
    en: 'Only the unit that lends the car park may publish or change its offers',
  },
  'offer.no_rules': {
    status: 400,
    zh: '至少需要一条开放规则',
    en: 'An offer needs at least one weekly rule',
  },
  'offer.opening_time_invalid': {
    status: 400,
    zh: '开放时间“{time}”无效，应为 00:00 至 23:59',
    en: 'The opening time "{time}" is not valid: use 00:00 to 23:59',
  },
  'offer.closing_time_invalid': {
    status: 400,
    zh: '结束时间“{time}”无效，应为 00:00 至 24:00',
    en: 'The closing time "{time}" is not valid: use 00:00 to 24:00',
  },
  'offer.weekdays_invalid': {
    status: 400,
    zh: '星期应为 1（周一）至 7（周日），至少一天',
    en: 'Weekdays must be 1 (Monday) to 7 (Sunday), at least one',
  },
  'offer.days_unknown': {
    status: 400,
    zh: '未知的日期类型“{days}”',
    en: 'Unknown kind of days "{days}"',
  },
  'offer.valid_from_invalid': {
    status: 400,
    zh: '起始日期“{date}”无效',
    en: 'The first date "{date}" is not a date',
  },
  'offer.valid_to_invalid': {
    status: 400,
    zh: '截止日期“{date}”无效',
    en: 'The last date "{date}" is not a date',
  },
  'offer.valid_to_before_from': {
    status: 400,
    zh: '截止日期{validTo}早于起始日期{validFrom}',
    en: 'The last date {validTo} is before the first date {validFrom}',
  },
  'offer.blackout_invalid': {
    status: 400,
    zh: '停用日期“{date}”无效',
    en: 'The closed date "{date}" is not a date',
  },
  'offer.unknown_spaces': {
    status: 400,
    zh: '该停车场没有这些车位：{codes}',
    en: 'This car park has no spaces {codes}',
  },
  'offer.unknown_associations': {
    status: 400,
    zh: '开放对象中有不存在的车友会：{ids}',
    en: 'No association has the id {ids}',
  },
  'offer.standing_exceeds_places': {
    status: 400,
    zh: '长期车位{standingPlaces}个，不能多于开放车位{places}个',
    en: '{standingPlaces} standing places cannot be more than the {places} places offered',
  },
  'offer.named_spaces_fixed': {
    status: 400,
    zh: '指定车位的共享不能修改车位数量',
    en: 'An offer of named spaces keeps its spaces; publish a new offer to change them',
  },
  'offer.over_capacity': {
    status: 409,
    zh: '“{carPark}”共{total}个车位，同一时段已开放{offered}个，无法再开放{places}个',
    en: '"{carPark}" has {total} spaces and {offered} are already offered at the same time, so {places} more do not fit',
  },
  'offer.ended': { status: 409, zh: '该共享已结束', en: 'This offer has ended' },
  'offer.already_paused': {
    status: 409,
    zh: '该共享已暂停',
    en: 'This offer is already paused',
  },
  'offer.already_live': {
    status: 409,
    zh: '该共享已在开放中',
    en: 'This offer is already live',
  },
  'offer.paused': {
    status: 409,
    zh: '单位已暂停此共享，暂不接受预约',
    en: 'The unit has paused this offer: no new bookings for now',
  },
  'offer.no_standing_places': {
    status: 409,
    zh: '此共享不设长期车位',
    en: 'This offer has no standing places',
  },

  'booking.resident_only': {
    status: 403,
    zh: '仅居民车主可预约共享车位',
    en: 'Only resident car owners may book shared places',
  },
  'booking.no_household': {
    status: 403,
    zh: '您尚未登记住户',
    en: 'You are not registered to a household',
  },
  'booking.association_not_eligible': {
    status: 403,
    zh: '您所在的车友会不在此共享的开放范围内',
    en: 'Your association is not among those this offer is open to',
  },
  'booking.no_vehicle': {
    status: 403,
    zh: '本户尚未登记车辆',
    en: 'Your household has no registered vehicle',
  },
  'booking.terms_not_accepted': {
    status: 400,
    zh: '请先阅读并同意单位的免责条款（acceptTerms: true）',
    en: "Read and accept the unit's terms of liability first (acceptTerms: true)",
  },
  'booking.terms_changed': {
    status: 409,
    zh: '单位的免责条款已更新，请重新阅读后再预约',
    en: "The unit's terms have changed: read them again before booking",
  },
  'booking.date_invalid': { status: 400, zh: '日期“{date}”无效', en: '"{date}" is not a date' },
  'booking.night_out_of_range': {
    status: 400,
    zh: '按该单位的共享条款，只能预约今晚至{last}（提前{days}天以内）',
    en: "Under the unit's terms you may book from tonight up to {last} ({days} days ahead)",
  },
  'booking.night_closed': {
    status: 409,
    zh: '“{offer}”{night}晚不开放',
    en: '"{offer}" is not open on the night of {night}',
  },
  'booking.full': {
    status: 409,
    zh: '车位已满：“{offer}”{night}晚已无空位，请换一晚',
    en: 'No places left at "{offer}" for the night of {night}; try another night',
  },
  'booking.vehicle_booked': {
    status: 409,
    zh: '该车{night}晚已有预约',
    en: 'This vehicle already has a booking overlapping the night of {night}',
  },
  'booking.already_cancelled': {
    status: 409,
    zh: '该预约已取消',
    en: 'This booking is already cancelled',
  },
  'booking.night_over': {
    status: 409,
    zh: '按该单位的共享条款，该晚已于{mustLeaveBy}结束',
    en: "Under the unit's terms that night ended at {mustLeaveBy}",
  },
  'booking.outside_window': {
    status: 409,
    zh: '按该单位的共享条款，请在{arriveFrom}至{mustLeaveBy}之间入场',
    en: "Under the unit's terms, arrive between {arriveFrom} and {mustLeaveBy}",
  },
  'booking.not_arrived': {
    status: 409,
    zh: '尚未登记入场，无法登记离场',
    en: 'The car has not arrived yet, so it cannot leave',
  },

  'booking.lane_not_eligible': {
    status: 403,
    zh: '此共享只对登记在指定胡同的住户开放，本户不在其列',
    en: 'This offer is open to households registered in certain lanes, and yours is not one of them',
  },
  'booking.licence_owner_unchecked': {
    status: 403,
    zh: '此共享要求车辆登记在本户成员名下，车友会尚未核对这辆车的行驶证',
    en: "This offer needs the car registered to a member of the household, and the council has not yet checked this car's licence",
  },
  'booking.licence_owner_not_household': {
    status: 403,
    zh: '此共享要求车辆登记在本户成员名下，这辆车行驶证上的所有人不是本户成员',
    en: "This offer needs the car registered to a member of the household, and the owner on this car's licence is not one",
  },
  'booking.plate_color_not_eligible': {
    status: 403,
    zh: '此共享只对指定号牌颜色的车辆开放，这辆车的号牌颜色不在其列',
    en: 'This offer is open to certain plate colours only, and this car’s is not one of them',
  },
  'offer.lane_not_eligible_association': {
    status: 400,
    zh: '所选胡同须属于开放的车友会',
    en: 'Each lane must belong to one of the associations the offer is open to',
  },

  'allocation.priority_tier_unknown': {
    status: 400,
    zh: '公约中没有优先类别“{tier}”',
    en: 'The convention has no priority tier “{tier}”',
  },
  'allocation.priority_council_only': {
    status: 403,
    zh: '只有本户所在车友会的理事可以设定优先类别',
    en: "Only the council of the registration's association sets its priority tier",
  },
  'allocation.priority_not_waiting': {
    status: 409,
    zh: '只能为正在排队的登记设定优先类别',
    en: 'A priority tier is set only on a registration that is waiting',
  },
  'allocation.no_rotation': {
    status: 409,
    zh: '公约未规定轮换期限（rotationPeriodMonths 为 0），不能轮换',
    en: 'The convention sets no rotation period (rotationPeriodMonths is 0): nothing to rotate',
  },

  'allocation.resident_only': {
    status: 403,
    zh: '仅居民车主可登记长期车位',
    en: 'Only resident car owners may register for a standing place',
  },
  'allocation.offer_not_live': {
    status: 409,
    zh: '该共享当前未开放，暂不能登记或分配长期车位',
    en: 'This offer is not live: standing places cannot be registered or admitted now',
  },
  'allocation.terms_not_accepted': {
    status: 400,
    zh: '请先阅读并同意单位的免责条款（acceptTerms: true）',
    en: "Read and accept the unit's terms of liability first (acceptTerms: true)",
  },
  'allocation.terms_changed': {
    status: 409,
    zh: '单位的免责条款已更新，请重新阅读后再登记',
    en: "The unit's terms have changed: read them again before registering",
  },
  'allocation.vehicle_registered': {
    status: 409,
    zh: '该车已登记此共享的长期车位',
    en: 'This vehicle is already registered for this offer',
  },
  'allocation.vehicles_per_household': {
    status: 409,
    zh: '依照{article}，每户最多{limit}辆车登记同一共享的长期车位，本户已登记满',
    en: 'Under {article}, at most {limit} car(s) of a household register for one offer, and this household already has',
  },
  'allocation.already_cancelled': {
    status: 409,
    zh: '该长期车位已取消',
    en: 'This standing place is already cancelled',
  },
  'allocation.one_per_household': {
    status: 409,
    zh: '依照{article}，每户限一个长期车位：排队的住户都已持有',
    en: 'Under {article}, a household holds one standing place at most, and everyone waiting already holds one',
  },

  'holiday.year_invalid': {
    status: 400,
    zh: '年份应在2000至2100之间',
    en: 'The year must be 2000 to 2100',
  },
  'holiday.date_outside_year': {
    status: 400,
    zh: '日期{date}不在{year}年内',
    en: '{date} is not a date in {year}',
  },
  'holiday.date_twice': {
    status: 400,
    zh: '日期{date}出现了两次',
    en: '{date} appears twice',
  },
});

/**
 * Constraints of the sharing tables → the reason a broken one means. The repositories translate
 * them with their params; this table is what the error filter falls back on.
 */
export const sharingConstraints = defineConstraints({
  car_park_name_key: 'car_park.name_taken',
  off_peak_offer_over_capacity: 'offer.over_capacity',
  offer_night_capacity_check: 'booking.full',
  booking_space_no_overlap: 'booking.full',
  booking_vehicle_no_overlap: 'booking.vehicle_booked',
  standing_allocation_vehicle_key: 'allocation.vehicle_registered',
});

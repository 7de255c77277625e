import { defineConstraints, defineReasons } from './types';

/** Refusals of the spaces feature: check-in and out, layout, neighbour consent, availability. */
export const spacesReasons = defineReasons({
  // Checking a car in or out.
  'space.occupied': {
    status: 409,
    zh: '车位{code}已被占用',
    en: 'Space {code} is occupied by another vehicle',
  },
  'space.already_free': {
    status: 409,
    zh: '车位{code}已空，无需驶离登记',
    en: 'Space {code} is already free',
  },
  'space.awaiting_neighbours': {
    status: 409,
    zh: '车位{code}正在征求邻里意见，尚未启用',
    en: "Space {code} is not in use until the neighbours' objection window closes",
  },
  'space.closed': { status: 409, zh: '车位{code}已关闭', en: 'Space {code} is closed' },
  'space.reserved': { status: 409, zh: '车位{code}已预留', en: 'Space {code} is reserved' },
  'space.assigned': {
    status: 409,
    zh: '车位{code}是其他住户的固定车位',
    en: 'Space {code} is assigned to another household',
  },
  'space.restricted': {
    status: 409,
    zh: '车位{code}在{from}至{to}禁停',
    en: 'No parking at {code} from {from} to {to}',
  },
  'space.no_parking_hours': {
    status: 409,
    zh: '按公约第{article}条，车位{code}在{from}至{to}禁停',
    en: 'No parking at {code} from {from} to {to} (convention article {article})',
  },
  'occupancy.car_parked_at': {
    status: 409,
    zh: '车辆{plate}已停在{code}，请先在那里办理驶离',
    en: '{plate} is already checked in at {code}; check it out there first',
  },
  'occupancy.space_taken': {
    status: 409,
    zh: '该车位已被占用',
    en: 'This space is occupied by another vehicle',
  },
  'occupancy.car_elsewhere': {
    status: 409,
    zh: '该车已停在其他车位，请先办理驶离',
    en: 'This car is already checked in at another space; check it out there first',
  },
  'check_in.plate_invalid': {
    status: 400,
    zh: '车牌{plate}格式不正确：应为省份简称、一个字母和5位字符（新能源车为6位），例如京A12345',
    en: '"{plate}" is not a valid plate: a province character, a letter and 5 characters (6 for a new-energy car)',
  },
  'check_in.not_allowed': {
    status: 403,
    zh: '仅红袖标、理事会或本会居民可登记停车',
    en: 'Only wardens, the council and residents of the association may check cars in',
  },
  'check_in.sticker_required': {
    status: 403,
    zh: '请扫描车位上的二维码进行登记',
    en: 'Scan the QR sticker at the space to check in yourself',
  },
  'check_in.own_car_only': {
    status: 403,
    zh: '只能登记本户的登记车辆',
    en: "You may check in only your household's registered car",
  },
  'check_in.vehicles_per_household': {
    status: 409,
    zh: '依照{article}，每户最多{limit}辆车同时停放在胡同车位，本户已停满，请先为已停的车辆办理驶离',
    en: "Under {article}, at most {limit} car(s) of a household park in the lane at once; this household's already are, so check one out first",
  },
  'check_out.not_allowed': {
    status: 403,
    zh: '仅红袖标、理事会或本会居民可办理驶离登记',
    en: 'Only wardens, the council and residents of the association may check cars out',
  },
  'check_out.own_car_only': {
    status: 403,
    zh: '只能为本户车辆办理驶离登记',
    en: "You may check out only your household's car",
  },

  // Layout: painting spaces, lane segments, the fire lane.
  'space.clear_passage': {
    status: 409,
    zh: '消防通道不足：{fromM}米至{toM}米路段在{spaces}处只剩{leftM}米，须留出{neededM}米供消防车和救护车通行',
    en: 'The lane between {fromM} m and {toM} m would keep only {leftM} m clear for fire engines and ambulances at {spaces} (needs {neededM} m)',
  },
  'space.overlaps': {
    status: 409,
    zh: '与同侧已画的车位重叠',
    en: 'The space would overlap a painted space on the same side of the lane',
  },
  'space.code_taken': {
    status: 409,
    zh: '本胡同已有相同编号的车位',
    en: 'A space with this code already exists in the lane',
  },
  'segment.range_invalid': {
    status: 400,
    zh: '路段终点须大于起点（{fromM}米至{toM}米）',
    en: 'A lane segment must end after it starts ({fromM} m to {toM} m)',
  },
  'segment.passage_wider_than_lane': {
    status: 400,
    zh: '需留出的通道宽度{clearPassageM}米不能大于路宽{widthM}米',
    en: 'The clear passage ({clearPassageM} m) cannot be wider than the lane ({widthM} m)',
  },
  'segment.overlaps': { status: 409, zh: '路段之间有重叠', en: 'Lane segments overlap' },

  // Neighbour consent.
  'objection.not_facing': {
    status: 403,
    zh: '仅车位正对的住户可以提出异议',
    en: 'Only households the space faces may object',
  },
  'objection.window_closed': {
    status: 409,
    zh: '车位{code}的异议期已结束',
    en: 'The objection window for space {code} has closed',
  },
  'objection.already_raised': {
    status: 409,
    zh: '您家已对这个车位提出过异议',
    en: 'Your household has already objected to this space',
  },

  // Fields of spaces' requests (validation problems).
  'field.space_code': {
    status: 400,
    zh: '只能用大写字母、数字和“-”，例如 XG-41',
    en: 'must be upper-case letters, digits and "-", e.g. XG-41',
  },
  'field.sticker': {
    status: 400,
    zh: '应为车位二维码上的登记码',
    en: "must be the token printed in the space's QR sticker",
  },
  'field.time_or_instant': {
    status: 400,
    zh: '应为当天北京时间“HH:MM”，或完整时间，例如 2025-05-01T19:00:00+08:00',
    en: 'must be "HH:MM" (Beijing time, today) or an instant like 2025-05-01T19:00:00+08:00',
  },

  // Availability queries.
  'availability.time_invalid': {
    status: 400,
    zh: '开始或结束时间无效',
    en: '`from` or `to` is not a valid time',
  },
  'availability.window_reversed': {
    status: 400,
    zh: '结束时间须晚于开始时间',
    en: '`to` must be after `from`',
  },
  'availability.window_too_long': {
    status: 400,
    zh: '查询时段最长{days}天',
    en: 'The window may span at most {days} days',
  },
  // The lane's landmarks (door numbers, the hydrant, car park pointers).
  'landmark.label_empty': {
    status: 400,
    zh: '请填写地标名称，例如“12号”或“老槐树”',
    en: 'Give the landmark a name, such as "No. 12" or "the old locust tree"',
  },
  'landmark.car_park_needed': {
    status: 400,
    zh: '请选择要指向的共享停车场',
    en: 'Choose the shared car park this points to',
  },
  'landmark.off_the_lane': {
    status: 422,
    zh: '该位置距胡同中线{metres}米，不在胡同内',
    en: 'This point is {metres} m from the lane: it is not in the lane',
  },
  'landmark.door_taken': {
    status: 409,
    zh: '该门牌号已在胡同图上',
    en: 'This door number is already on the lane map',
  },
  'landmark.car_park_unknown': {
    status: 404,
    zh: '本会没有这个停车场',
    en: 'The association has no such car park',
  },
});

/** Constraints of the spaces tables → the reason a broken one means. */
export const spacesConstraints = defineConstraints({
  space_no_overlap: 'space.overlaps',
  space_code_key: 'space.code_taken',
  lane_segment_no_overlap: 'segment.overlaps',
  space_objection_once_key: 'objection.already_raised',
  // The check-in service names the space and the car; these say it without them.
  occupancy_session_open_space_key: 'occupancy.space_taken',
  occupancy_session_open_plate_key: 'occupancy.car_elsewhere',
  lane_landmark_door_key: 'landmark.door_taken',
  lane_landmark_car_park_fkey: 'landmark.car_park_unknown',
});

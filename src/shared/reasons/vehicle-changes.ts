import { defineConstraints, defineReasons } from './types';

// A param named `article` is a convention article's number (null under the default rules).

/** Refusals of residents' vehicle change requests (登记审核) and the council's decisions on them. */
export const vehicleChangesReasons = defineReasons({
  'vehicle_change.needs_approval': {
    status: 409,
    zh: '依照{article}，登记或修改车辆须经理事会审核，请在“我的车辆”中提交申请',
    en: 'Under {article}, the council approves new vehicles and plate changes: send a request from “My vehicles”',
  },
  'vehicle_change.plate_pending': {
    status: 409,
    zh: '这个车牌已有待审核的申请，请等待理事会处理',
    en: 'A request for this plate is already waiting for the council',
  },
  'vehicle_change.vehicle_pending': {
    status: 409,
    zh: '这辆车已有待审核的修改申请，请等待理事会处理',
    en: 'This vehicle already has a change waiting for the council',
  },
  'vehicle_change.not_pending': {
    status: 409,
    zh: '这份申请已处理，不能再审核',
    en: 'This request has already been decided',
  },
  'vehicle_change.nothing_changed': {
    status: 400,
    zh: '车牌和颜色都没有变化',
    en: 'Neither the plate nor its colour changes',
  },
  'vehicle_change.refusal_needs_reason': {
    status: 400,
    zh: '不予通过时请写明理由',
    en: 'Write the reason when refusing',
  },
});

export const vehicleChangesConstraints = defineConstraints({
  vehicle_change_pending_plate_key: 'vehicle_change.plate_pending',
  vehicle_change_pending_vehicle_key: 'vehicle_change.vehicle_pending',
  vehicle_change_refusal_check: 'vehicle_change.refusal_needs_reason',
});

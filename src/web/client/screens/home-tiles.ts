import type { MessageKey } from '../i18n';
import type { Me } from '../me';
import type { Role } from '../session';

/**
 * One card on a role's home screen. A tile with neither `to` nor `run` shows "coming soon":
 * when a feature's screen lands, add its route in routes.tsx and set `to` here.
 */
export interface Tile {
  id: string;
  /** one character shown in the red roundel, like a sign painted on a lane wall */
  mark: string;
  title: MessageKey;
  description: MessageKey;
  /** route path of the feature's screen */
  to?: string;
  /** or an action run on tap, with the text shown while it runs */
  run?: () => Promise<void>;
  busy?: MessageKey;
  /** a live line computed from GET /api/me, shown instead of the description once loaded */
  summary?: (me: Me) => string | null;
  /**
   * A count read from a list route's `total` and read again whenever `refreshOn` is pushed (or
   * the socket reconnects), shown instead of the description: "3份申请待审批".
   */
  count?: { path: string; refreshOn: string; text: MessageKey; none: MessageKey };
}

export const HOME_TILES: Record<Role, readonly Tile[]> = {
  admin: [
    {
      id: 'households',
      mark: '户',
      title: 'tile.households',
      description: 'tile.households.desc',
      to: '/council/households',
    },
    {
      id: 'space-map',
      mark: '图',
      title: 'tile.spaceMap',
      description: 'tile.spaceMap.desc',
      to: '/warden/map',
    },
    {
      id: 'council-spaces',
      mark: '画',
      title: 'tile.councilSpaces',
      description: 'tile.councilSpaces.desc',
      to: '/council/spaces',
      count: {
        path: '/api/objections/undecided',
        refreshOn: 'objection.updated',
        text: 'tile.councilSpaces.waiting',
        none: 'tile.councilSpaces.noneWaiting',
      },
    },
    {
      id: 'permit-approval',
      mark: '证',
      title: 'tile.permitApproval',
      description: 'tile.permitApproval.desc',
      to: '/council/permits',
      count: {
        path: '/api/permits?status=pending&pageSize=1',
        refreshOn: 'permit.updated',
        text: 'tile.permitApproval.waiting',
        none: 'tile.permitApproval.noneWaiting',
      },
    },
    {
      id: 'vehicle-changes',
      mark: '审',
      title: 'tile.vehicleChanges',
      description: 'tile.vehicleChanges.desc',
      to: '/council/vehicle-changes',
      count: {
        path: '/api/vehicle-changes?status=pending&pageSize=1',
        refreshOn: 'vehicle_change.updated',
        text: 'tile.vehicleChanges.waiting',
        none: 'tile.vehicleChanges.noneWaiting',
      },
    },
    {
      id: 'roster',
      mark: '班',
      title: 'tile.roster',
      description: 'tile.roster.desc',
      to: '/rosters',
    },
    {
      id: 'convention',
      mark: '约',
      title: 'tile.convention',
      description: 'tile.convention.desc',
      to: '/council/convention',
    },
    {
      id: 'violations',
      mark: '违',
      title: 'tile.violations',
      description: 'tile.violations.desc',
      to: '/council/violations',
    },
    {
      id: 'persuasion',
      mark: '劝',
      title: 'tile.persuasion',
      description: 'tile.persuasion.desc',
      to: '/warden/persuasion',
    },
    {
      id: 'payments',
      mark: '账',
      title: 'tile.payments',
      description: 'tile.payments.desc',
      to: '/council/payments',
    },
    {
      id: 'units',
      mark: '单',
      title: 'tile.units',
      description: 'tile.units.desc',
      to: '/units',
    },
    {
      id: 'print',
      mark: '印',
      title: 'tile.print',
      description: 'tile.print.desc',
      to: '/council/print',
    },
  ],
  warden: [
    {
      id: 'live-map',
      mark: '位',
      title: 'tile.liveMap',
      description: 'tile.liveMap.desc',
      to: '/warden/map',
    },
    {
      id: 'scan',
      mark: '扫',
      title: 'tile.scan',
      description: 'tile.scan.desc',
      to: '/warden/scan',
    },
    {
      id: 'move',
      mark: '挪',
      title: 'tile.move',
      description: 'tile.move.desc',
      to: '/move',
    },
    {
      id: 'my-shifts',
      mark: '班',
      title: 'tile.myShifts',
      description: 'tile.myShifts.desc',
      to: '/me/shifts',
    },
    {
      id: 'record-violation',
      mark: '违',
      title: 'tile.recordViolation',
      description: 'tile.recordViolation.desc',
      to: '/council/violations',
    },
    {
      id: 'persuasion',
      mark: '劝',
      title: 'tile.persuasion',
      description: 'tile.persuasion.desc',
      to: '/warden/persuasion',
    },
  ],
  resident: [
    {
      id: 'free-spaces',
      mark: '空',
      title: 'tile.freeSpaces',
      description: 'tile.freeSpaces.desc',
      to: '/map',
    },
    {
      id: 'my-vehicles',
      mark: '车',
      title: 'tile.myVehicles',
      description: 'tile.myVehicles.none',
      to: '/resident/vehicles',
      summary: (me) => me.household?.vehicles.map((vehicle) => vehicle.plate).join(' · ') || null,
    },
    {
      id: 'my-permits',
      mark: '证',
      title: 'tile.myPermits',
      description: 'tile.myPermits.desc',
      to: '/permits',
    },
    {
      id: 'apply-permit',
      mark: '登',
      title: 'tile.applyPermit',
      description: 'tile.applyPermit.desc',
      to: '/permits/apply',
    },
    {
      id: 'visitor-passes',
      mark: '客',
      title: 'tile.visitorPasses',
      description: 'tile.visitorPasses.desc',
      to: '/visitors',
    },
    {
      id: 'move',
      mark: '挪',
      title: 'tile.move',
      description: 'tile.move.desc',
      to: '/move',
    },
    {
      id: 'plate-check',
      mark: '查',
      title: 'tile.plateCheck',
      description: 'tile.plateCheck.desc',
      to: '/plate-check',
    },
    {
      id: 'off-peak',
      mark: '错',
      title: 'tile.offPeak',
      description: 'tile.offPeak.desc',
      to: '/offers',
    },
    {
      id: 'my-violations',
      mark: '诉',
      title: 'tile.myViolations',
      description: 'tile.myViolations.desc',
      to: '/resident/violations',
    },
    {
      id: 'my-history',
      mark: '记',
      title: 'tile.myHistory',
      description: 'tile.myHistory.desc',
      to: '/resident/history',
    },
    {
      id: 'convention-vote',
      mark: '票',
      title: 'tile.conventionVote',
      description: 'tile.conventionVote.desc',
      to: '/convention',
    },
  ],
  unit: [
    {
      id: 'publish-off-peak',
      mark: '享',
      title: 'tile.publishOffPeak',
      description: 'tile.publishOffPeak.desc',
      to: '/unit/offers',
    },
    {
      id: 'tonight-bookings',
      mark: '夜',
      title: 'tile.tonightBookings',
      description: 'tile.tonightBookings.desc',
      to: '/unit/offers',
    },
    {
      id: 'free-spaces',
      mark: '空',
      title: 'tile.freeSpaces',
      description: 'tile.freeSpaces.desc',
      to: '/map',
    },
    {
      id: 'own-agreement',
      mark: '约',
      title: 'tile.ownAgreement',
      description: 'tile.ownAgreement.desc',
      to: '/unit/agreement',
    },
  ],
  viewer: [
    {
      id: 'reports',
      mark: '表',
      title: 'tile.reports',
      description: 'tile.reports.desc',
      to: '/street',
    },
    {
      id: 'public-board',
      mark: '示',
      title: 'tile.publicBoard',
      description: 'tile.publicBoard.desc',
      to: '/street/boards',
    },
  ],
  street: [
    {
      id: 'street-overview',
      mark: '街',
      title: 'tile.streetOverview',
      description: 'tile.streetOverview.desc',
      to: '/street',
    },
    {
      id: 'onboard',
      mark: '建',
      title: 'tile.onboard',
      description: 'tile.onboard.desc',
      to: '/street/onboard',
    },
    {
      id: 'units',
      mark: '单',
      title: 'tile.units',
      description: 'tile.units.desc',
      to: '/units',
    },
    {
      id: 'public-board',
      mark: '示',
      title: 'tile.publicBoard',
      description: 'tile.publicBoard.desc',
      to: '/street/boards',
    },
  ],
};

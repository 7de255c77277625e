import { formatPlate } from '../../shared/plate';
import type { Permit } from '../permit';
import { shanghaiDateTime } from '../../common/shanghai-time';
import { type PermitStatus } from '../permit-status';
import { escapeHtml } from '../permit-tokens.service';

const STATUS_ZH: Partial<Record<PermitStatus, string>> = {
  expired: '已过期 / expired',
  revoked: '已被收回 / withdrawn by the household',
  suspended: '暂停使用 / suspended',
};

/** What a guest sees from the link: the plate, the hours, the QR to show the warden. */
export function guestPageHtml(
  permit: Permit,
  associationName: string,
  status: PermitStatus,
  qrSvg: string | null,
): string {
  const body = qrSvg
    ? `<div class="qr" data-testid="guest-qr">${qrSvg}</div><p>请向红袖标出示此码 / show this code to the warden</p>`
    : `<p class="gone" data-testid="guest-gone">${escapeHtml(STATUS_ZH[status] ?? status)}</p>`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>访客通行证 / visitor pass</title>
<style>body{font-family:system-ui,sans-serif;text-align:center;margin:1rem}
.plate{font-size:2.4rem;font-weight:800}.qr svg{width:min(90vw,420px);height:auto}.gone{color:#b71c1c;font-size:1.4rem}</style>
</head><body>
<h1>${escapeHtml(associationName)} 访客通行证</h1>
<div class="plate">${escapeHtml(formatPlate(permit.plate))}</div>
<p>${shanghaiDateTime(permit.validFrom)} — ${shanghaiDateTime(permit.validTo)}</p>
${body}
</body></html>`;
}

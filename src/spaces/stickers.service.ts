import { Inject, Injectable } from '@nestjs/common';
import QRCode from 'qrcode';
import type { Actor } from '../auth/actor';
import { AssociationsService } from '../associations/associations.service';
import { DomainError } from '../common/domain-error';
import { appConfig, type AppConfig } from '../config';
import { LaneMapService } from './lane-map.service';
import { canPrintStickers } from './spaces.policy';

/**
 * The QR sticker fixed at every space. It opens the web client's self check-in with the space
 * and its sticker token: holding the phone at the space is what lets a resident check in alone.
 */
@Injectable()
export class StickersService {
  constructor(
    private readonly associations: AssociationsService,
    private readonly map: LaneMapService,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
  ) {}

  /** A printable A4 sheet (HTML with inline SVG) of every sticker of the lane. */
  async sheet(actor: Actor, laneId: string, origin: string): Promise<string> {
    const lane = await this.associations.readableLane(actor, laneId);
    if (!canPrintStickers(actor, lane.associationId)) throw new DomainError('council.only');
    const { spaces } = await this.map.read(laneId);
    const base = this.app.publicUrl || origin;
    const cells = await Promise.all(
      spaces.map(async (space) => {
        const url = `${base}/app/#/spaces/${space.id}/check-in?sticker=${space.stickerToken}`;
        const svg = await QRCode.toString(url, {
          type: 'svg',
          margin: 1,
          errorCorrectionLevel: 'M',
        });
        return `<figure data-url="${escape(url)}">${svg}<figcaption>${escape(lane.name)} ${escape(space.code)}<br><small>扫码停车登记 · scan to check in</small></figcaption></figure>`;
      }),
    );
    return `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>${escape(lane.name)} 车位码</title>
<style>body{font-family:sans-serif;margin:10mm}main{display:grid;grid-template-columns:repeat(4,1fr);gap:6mm}
figure{margin:0;border:1px dashed #999;padding:3mm;text-align:center;break-inside:avoid}svg{width:100%;height:auto}
figcaption{font-size:14pt;font-weight:bold}small{font-size:8pt;font-weight:normal}</style></head>
<body><main>${cells.join('\n')}</main></body></html>`;
  }
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

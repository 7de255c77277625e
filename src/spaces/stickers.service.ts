import { Inject, Injectable } from '@nestjs/common';
import QRCode from 'qrcode';
import type { Actor } from '../auth/actor';
import { AssociationsService } from '../associations/associations.service';
import { DomainError } from '../common/domain-error';
import { qrPng } from '../common/pdf/qr-image';
import { appConfig, type AppConfig } from '../config';
import { LaneMapService } from './lane-map.service';
import { canPrintStickers } from './spaces.policy';
import { stickersPdf, type StickersPerPage } from './sticker-pdf';

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

  /** The lane's stickers as an A4 PDF, `perPage` to a page, for the council to print. */
  async pdf(
    actor: Actor,
    laneId: string,
    origin: string,
    perPage: StickersPerPage,
  ): Promise<Buffer> {
    const lane = await this.associations.readableLane(actor, laneId);
    if (!canPrintStickers(actor, lane.associationId)) throw new DomainError('council.only');
    const association = await this.associations.get(actor, lane.associationId);
    const { spaces } = await this.map.read(laneId);
    const stickers = spaces.map((space) => ({
      code: space.code,
      qrPng: qrPng(this.checkInUrl(origin, space), { errorCorrectionLevel: 'M', margin: 1 }),
    }));
    return stickersPdf({
      associationName: association.name,
      laneName: lane.name,
      stickers,
      perPage,
    });
  }

  /** Self check-in at the space: holding the phone at the sticker is what lets a resident in. */
  private checkInUrl(origin: string, space: { id: string; stickerToken: string }): string {
    const base = this.app.publicUrl || origin;
    return `${base}/app/#/spaces/${space.id}/check-in?sticker=${space.stickerToken}`;
  }

  /** A printable A4 sheet (HTML with inline SVG) of every sticker of the lane. */
  async sheet(actor: Actor, laneId: string, origin: string): Promise<string> {
    const lane = await this.associations.readableLane(actor, laneId);
    if (!canPrintStickers(actor, lane.associationId)) throw new DomainError('council.only');
    const { spaces } = await this.map.read(laneId);
    const cells = await Promise.all(
      spaces.map(async (space) => {
        const url = this.checkInUrl(origin, space);
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

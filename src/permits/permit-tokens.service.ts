import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import QRCode from 'qrcode';
import type { DataSource } from 'typeorm';
import { formatPlate } from '../associations/plate';
import { DomainError } from '../common/domain-error';
import { SigningKeysService } from './keys/signing-keys.service';
import type { Permit } from './permit.entity';
import { PERMIT_CARD_STYLE } from './permit-card-style';
import { checkPermitToken, claimsFor, signPermitToken, type TokenCheck } from './permit-token';

/** Level M survives a scratched or dusty windscreen; the token is sized for version ≤ 12. */
export const QR_OPTIONS = { errorCorrectionLevel: 'M' as const, margin: 2 };

/** The signed token behind a permit's QR: signed on first use, then kept until renewal. */
@Injectable()
export class PermitTokensService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keys: SigningKeysService,
  ) {}

  async tokenOf(permit: Permit): Promise<string> {
    if (permit.status !== 'active') {
      throw DomainError.conflict(
        `停车证 No.${permit.number} 未生效，无二维码 / permit No.${permit.number} is ${permit.status}: it has no QR code`,
      );
    }
    const stored: { token: string | null }[] = await this.dataSource.query(
      `SELECT token FROM permit WHERE id = $1`,
      [permit.id],
    );
    if (stored[0]?.token) return stored[0].token;
    const key = await this.keys.signingKey();
    const token = signPermitToken(claimsFor(permit), key.kid, key.privateKey);
    // Two first views at once: the first stored token wins, the other is thrown away.
    const rows: { token: string }[] = await this.dataSource.query(
      `WITH signed AS (
         UPDATE permit SET token = $2, token_kid = $3 WHERE id = $1 AND token IS NULL RETURNING token)
       SELECT token FROM signed`,
      [permit.id, token, key.kid],
    );
    if (rows[0]) return rows[0].token;
    return this.tokenOf(permit);
  }

  check(token: string): Promise<TokenCheck> {
    return checkPermitToken(token, (kid) => this.keys.publicKey(kid));
  }

  async qrPng(permit: Permit): Promise<Buffer> {
    return QRCode.toBuffer(await this.tokenOf(permit), { ...QR_OPTIONS, type: 'png', scale: 8 });
  }

  async qrSvg(permit: Permit): Promise<string> {
    return QRCode.toString(await this.tokenOf(permit), { ...QR_OPTIONS, type: 'svg' });
  }

  async cardHtml(permit: Permit, associationName: string): Promise<string> {
    return permitCardHtml(permit, associationName, await this.qrSvg(permit));
  }
}

const KIND_ZH: Record<Permit['kind'], string> = {
  resident: '居民停车证',
  shared: '错时共享停车证',
  visitor: '访客通行证',
};

/** A6 card for the dashboard: plate in large type, QR, validity, the association's name. */
export function permitCardHtml(permit: Permit, associationName: string, qrSvg: string): string {
  const day = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>${escapeHtml(KIND_ZH[permit.kind])} No.${permit.number}</title>
<style>${PERMIT_CARD_STYLE}</style></head>
<body><div class="card" data-testid="permit-card">
  <h1>${escapeHtml(KIND_ZH[permit.kind])}</h1>
  <div class="assoc">${escapeHtml(associationName)}</div>
  <div class="plate">${escapeHtml(formatPlate(permit.plate))}</div>
  <div class="qr">${qrSvg}</div>
  <div class="meta">有效期 ${day(permit.validFrom)} 至 ${day(permit.validTo)}<br>编号 No.${permit.number} · 请置于挡风玻璃内侧</div>
</div></body></html>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

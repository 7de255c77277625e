import { Injectable } from '@nestjs/common';
import QRCode from 'qrcode';
import { formatPlate } from '../shared/plate';
import { DomainError } from '../common/domain-error';
import { SigningKeysService } from './keys/signing-keys.service';
import type { Permit } from './permit';
import { PERMIT_CARD_STYLE } from './permit-card-style';
import { PermitRepository } from './permit.repository';
import { checkPermitToken, claimsFor, signPermitToken, type TokenCheck } from './permit-token';

/** Level M survives a scratched or dusty windscreen; the token is sized for version ≤ 12. */
export const QR_OPTIONS = { errorCorrectionLevel: 'M' as const, margin: 2 };

/**
 * A verified token, and the association whose key signed it (null: the shared key of before
 * keys were per association). A token is genuine only for a permit of that association.
 */
export type VerifiedToken = TokenCheck & { keyAssociationId?: string | null };

/** The signed token behind a permit's QR: signed on first use, then kept until renewal. */
@Injectable()
export class PermitTokensService {
  constructor(
    private readonly permits: PermitRepository,
    private readonly keys: SigningKeysService,
  ) {}

  async tokenOf(permit: Permit): Promise<string> {
    if (permit.status !== 'active')
      throw new DomainError('permit.no_qr', { number: permit.number });
    const stored = await this.permits.storedToken(permit.id);
    if (stored) return stored;
    const key = await this.keys.signingKey(permit.associationId);
    const token = signPermitToken(claimsFor(permit), key.kid, key.privateKey);
    return (await this.permits.storeToken(permit.id, token, key.kid)) ?? this.tokenOf(permit);
  }

  async check(token: string): Promise<VerifiedToken> {
    const signer: { associationId: string | null } = { associationId: null };
    const check = await checkPermitToken(token, async (kid) => {
      const found = await this.keys.verifyingKey(kid);
      signer.associationId = found?.associationId ?? null;
      return found?.key ?? null;
    });
    return check.ok ? { ...check, keyAssociationId: signer.associationId } : check;
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

/** Signed by the key of the permit's own association (or by the old shared key). */
export function signedForItsAssociation(
  check: VerifiedToken,
  permit: Pick<Permit, 'associationId'>,
): boolean {
  return !check.keyAssociationId || check.keyAssociationId === permit.associationId;
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

import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { AssociationsService } from '../associations/associations.service';
import { PermitTokensService } from './permit-tokens.service';
import { PermitsService } from './permits.service';

/** QR images and the printable card, for the holder's household and the association's staff. */
@Injectable()
export class PermitQrService {
  constructor(
    private readonly permits: PermitsService,
    private readonly tokens: PermitTokensService,
    private readonly associations: AssociationsService,
  ) {}

  async png(actor: Actor, id: string): Promise<Buffer> {
    return this.tokens.qrPng(await this.permits.showable(actor, id));
  }

  async svg(actor: Actor, id: string): Promise<string> {
    return this.tokens.qrSvg(await this.permits.showable(actor, id));
  }

  async card(actor: Actor, id: string): Promise<string> {
    const permit = await this.permits.showable(actor, id);
    const association = await this.associations.get(actor, permit.associationId);
    return this.tokens.cardHtml(permit, association.name);
  }
}

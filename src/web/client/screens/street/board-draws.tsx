import type { BoardDraw as BoardDrawShape } from '../../../../shared/api/sharing';
import type { Wire } from '../../../../shared/api/wire';
import { t } from '../../i18n';
import './street.css';

/** A public lottery on the board (src/shared/api/sharing.ts). */
export type BoardDraw = Wire<BoardDrawShape>;

/**
 * 公开抽签 on the public board: the hash published before the draw, the seed revealed at it. A
 * resident recomputes the order: registrations sorted by SHA-256 of "seed:registrationId".
 */
export function BoardDrawsSection({ draws }: { draws: BoardDraw[] }) {
  if (draws.length === 0) return null;
  return (
    <section data-testid="board-draws">
      <h2>{t('board.draws')}</h2>
      <p class="hint">{t('board.draws.how')}</p>
      <ul class="list">
        {draws.map((d) => (
          <li class="card street-card" key={d.id} data-testid="board-draw">
            <strong>{d.offerTitle}</strong>
            <span>
              {d.drawnAt
                ? t('board.draws.drawn', {
                    registrations: d.registrations.length,
                    admitted: d.admitted.length,
                  })
                : t('board.draws.published', { registrations: d.registrations.length })}
            </span>
            <code class="street-hash">
              {t('board.draws.hash')} {d.seedHash}
            </code>
            {d.seed && (
              <code class="street-hash">
                {t('board.draws.seed')} {d.seed}
              </code>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

import { useEffect, useState } from 'preact/hooks';
import type { PublicBoard } from '../../../../shared/api/board';
import type { Fraction } from '../../../../shared/api/conventions';
import type { Wire } from '../../../../shared/api/wire';
import { apiFetch } from '../../api';
import type { ScreenProps } from '../../router';
import { t } from '../../i18n';
import { LangSwitch, LoadFailed, Loading } from '../../ui';
import { BoardFinanceSection } from '../street/board-finance';
import { BoardDrawsSection } from '../street/board-draws';
import { PersuasionCounts } from '../daily-work/persuasion-counts';

// As the server answers it (src/shared/api/board.ts).
type Board = Wire<PublicBoard>;

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '—');
const share = (f: Fraction) => `${f.numerator}/${f.denominator}`;

/** 公示: the association's public board, readable without logging in. */
export function BoardScreen({ params }: ScreenProps) {
  const [state, setState] = useState<{ board?: Board; error?: string }>({});
  const reload = () => {
    setState({});
    apiFetch<Board>(
      `/api/public/associations/${encodeURIComponent(params.associationId ?? '')}/board`,
      {
        auth: false,
      },
    ).then(
      (board) => setState({ board }),
      (e: unknown) => setState({ error: e instanceof Error ? e.message : String(e) }),
    );
  };
  useEffect(reload, [params.associationId]);
  const board = state.board;

  return (
    <div class="screen" data-testid="board">
      <header class="topbar">
        <h1 class="topbar-title">
          {board ? `${board.name} · ${t('board.title')}` : t('board.title')}
        </h1>
        <LangSwitch />
      </header>
      <main class="content">
        {!board && !state.error && <Loading />}
        {state.error && <LoadFailed message={state.error} onRetry={reload} />}
        {board && (
          <>
            {board.noticePeriod.map((v) => (
              <p class="card" key={v.number} data-testid="board-notice">
                {t('board.notice', {
                  number: v.number,
                  until: day(v.noticeUntil),
                  from: day(v.effectiveFrom),
                })}
              </p>
            ))}
            <section>
              <h2>{t('board.results')}</h2>
              <ul class="list">
                {board.versions.map((v) => (
                  <li class="card" key={v.number} data-testid={`board-version-${v.number}`}>
                    <strong>
                      {t('convention.versionTitle', { number: v.number })} {v.title}
                    </strong>
                    <div>{t(`board.status.${v.status}` as 'board.status.adopted')}</div>
                    {v.result && (
                      <div data-testid="board-result">
                        {t('board.counts', {
                          yes: v.result.yes,
                          no: v.result.no,
                          abstain: v.result.abstain,
                          turnout: v.result.turnout,
                          eligible: v.result.eligible,
                          quorum: share(v.quorum),
                          threshold: share(v.threshold),
                        })}
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            </section>
            {board.inForce && (
              <section data-testid="board-in-force">
                <h2>
                  {t('convention.inForce', { number: board.inForce.number })} {board.inForce.title}
                </h2>
                <ol class="list">
                  {board.inForce.articles.map((a) => (
                    <li class="card" key={a.number}>
                      <strong>{a.label}</strong> {a.text}
                    </li>
                  ))}
                </ol>
              </section>
            )}
            {board.onDuty && (
              <section>
                <h2>{t('board.onDuty')}</h2>
                <p class="card">{board.onDuty.map((d) => d.name).join('、') || '—'}</p>
              </section>
            )}
            <section>
              <h2>{t('board.violations')}</h2>
              <ul class="list">
                {board.violationStats.map((s) => (
                  <li class="card" key={`${s.month}-${s.kind}`}>
                    {s.month} · {t(`violation.${s.kind}` as 'violation.no_permit')} · {s.count}
                  </li>
                ))}
              </ul>
            </section>
            {board.persuasionStats && (
              <section>
                <h2>{t('persuasion.byMonth')}</h2>
                <PersuasionCounts counts={board.persuasionStats} testid="board-persuasions" />
              </section>
            )}
            {board.finance && <BoardFinanceSection finance={board.finance} />}
            {board.draws && <BoardDrawsSection draws={board.draws} />}
          </>
        )}
      </main>
    </div>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { useConfirm } from '../../confirm';
import { FormField } from '../../form-field';
import { t } from '../../i18n';
import { refusalOf } from '../../permits/permits-api';
import { type HouseholdRow, listHouseholds } from '../households/households-api';
import { laneLength } from '../../../../shared/lane-geometry';
import { paintSpace, SIZE_CLASSES, type SizeClass } from './consent-api';
import type { Lane } from './map-parts';
import { PaintPicker } from './paint-picker';

const DEFAULT_OBJECTION_DAYS = 7;
const CODE = /^[A-Z0-9][A-Z0-9-]{0,15}$/;

/**
 * 画新车位: code, position on the lane's schematic (metres), size, the households it faces (from
 * the association's register) and how many days they may object. Confirmed before it is sent.
 */
export function PaintSpaceForm(props: {
  lane: Lane;
  onPainted: (space: { id: string; code: string; consent: 'pending' | 'approved' }) => void;
}) {
  const { lane } = props;
  const [code, setCode] = useState('');
  const [x, setX] = useState('');
  const [y, setY] = useState('');
  const [sizeClass, setSizeClass] = useState<SizeClass>('standard');
  const [days, setDays] = useState(String(DEFAULT_OBJECTION_DAYS));
  const [households, setHouseholds] = useState<HouseholdRow[]>([]);
  const [facing, setFacing] = useState<string[]>([]);
  const [search, setSearch] = useState('');
  const [painted, setPainted] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { dialog, ask } = useConfirm();

  useEffect(() => {
    // A lane's association has tens of households, a few hundred at most: one page holds them.
    // Those of this lane, and those whose lane the council has not said yet (never another's).
    listHouseholds('', 1, 500).then(
      (page) => setHouseholds(page.items.filter((h) => h.laneId === lane.id || !h.laneId)),
      () => setHouseholds([]),
    );
  }, [lane.id]);

  const shown = households.filter(
    (h) => !search.trim() || h.address.includes(search.trim()) || facing.includes(h.id),
  );
  const toggle = (id: string) =>
    setFacing((now) => (now.includes(id) ? now.filter((f) => f !== id) : [...now, id]));

  const submit = async () => {
    const px = Number(x);
    const py = Number(y);
    const objectionDays = Number(days) || DEFAULT_OBJECTION_DAYS;
    if (
      !CODE.test(code.trim()) ||
      x.trim() === '' ||
      y.trim() === '' ||
      !isFinite(px) ||
      !isFinite(py)
    ) {
      setError(t('paint.invalid'));
      return;
    }
    setError(null);
    const addresses = households.filter((h) => facing.includes(h.id)).map((h) => h.address);
    const yes = await ask({
      title: t('paint.confirmTitle', { code: code.trim() }),
      body: (
        <p>
          {facing.length
            ? t('paint.confirmFacing', {
                days: objectionDays,
                count: facing.length,
                households: addresses.join('、'),
              })
            : t('paint.confirmNoFacing')}
        </p>
      ),
      confirmLabel: t('paint.confirm'),
    });
    if (!yes) return;
    setBusy(true);
    try {
      const space = await paintSpace(lane.id, {
        code: code.trim(),
        x: px,
        y: py,
        sizeClass,
        facingHouseholdIds: facing,
        objectionDays,
      });
      props.onPainted(space);
      setPainted((n) => n + 1);
      setCode('');
      setFacing([]);
    } catch (failure) {
      setError(refusalOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card paint-form" aria-labelledby="paint-title" data-testid="paint-space">
      <h2 class="card-title" id="paint-title">
        {t('paint.title')} · {lane.name}
      </h2>
      <div class="form">
        <FormField
          label={t('paint.code')}
          id="paint-code"
          autocapitalize="characters"
          maxLength={16}
          value={code}
          onInput={(value) => setCode(value.toUpperCase())}
          hint={t('paint.codeHint')}
        />
        <PaintPicker
          lane={lane}
          sizeClass={sizeClass}
          version={painted}
          at={
            x.trim() !== '' && y.trim() !== '' && isFinite(Number(x)) && isFinite(Number(y))
              ? { x: Number(x), y: Number(y) }
              : null
          }
          onPick={(point) => {
            setX(String(point.x));
            setY(String(point.y));
          }}
        />
        <div class="consent-position">
          <FormField
            label={t('paint.x')}
            id="paint-x"
            inputMode="decimal"
            value={x}
            onInput={setX}
          />
          <FormField
            label={t('paint.y')}
            id="paint-y"
            inputMode="decimal"
            value={y}
            onInput={setY}
          />
        </div>
        <p class="field-hint">
          {t('paint.positionHint', { length: Math.round(laneLength(lane.geometry)) })}
        </p>
        <div class="field">
          <label class="field-label" for="paint-size">
            {t('paint.size')}
          </label>
          <select
            id="paint-size"
            data-testid="paint-size"
            value={sizeClass}
            onChange={(event) => setSizeClass(event.currentTarget.value as SizeClass)}
          >
            {SIZE_CLASSES.map((size) => (
              <option key={size} value={size}>
                {t(`paint.size.${size}`)}
              </option>
            ))}
          </select>
        </div>
        <fieldset class="consent-choice">
          <legend class="field-label">{t('paint.facing')}</legend>
          <p class="field-hint">{t('paint.facingHint')}</p>
          <input
            type="search"
            class="consent-search"
            aria-label={t('paint.facingSearch')}
            placeholder={t('paint.facingSearch')}
            data-testid="paint-facing-search"
            value={search}
            onInput={(event) => setSearch(event.currentTarget.value)}
          />
          <div class="consent-facing">
            {shown.map((h) => (
              <label key={h.id}>
                <input
                  type="checkbox"
                  data-testid="paint-facing"
                  data-address={h.address}
                  checked={facing.includes(h.id)}
                  onChange={() => toggle(h.id)}
                />
                {h.address}
              </label>
            ))}
          </div>
        </fieldset>
        <div class="field">
          <label class="field-label" for="paint-days">
            {t('paint.days')}
          </label>
          <input
            id="paint-days"
            data-testid="paint-days"
            type="number"
            min={1}
            max={30}
            value={days}
            onInput={(event) => setDays(event.currentTarget.value)}
          />
        </div>
        {error && (
          <p class="form-error" role="alert" data-testid="paint-error">
            {error}
          </p>
        )}
        <button
          type="button"
          class="button button--primary"
          data-testid="paint-submit"
          disabled={busy}
          aria-busy={busy}
          onClick={() => void submit()}
        >
          {t('paint.submit')}
        </button>
      </div>
      {dialog}
    </section>
  );
}

import { t } from '../../i18n';

// The server keeps photos of at most 150 KB. A phone photo redrawn at 900 px is usually well
// below that at JPEG quality 0.7; redrawing also leaves the phone's EXIF (its position) behind.
const PHOTO_EDGE = 900;
const MAX_DATA_URL = 200_000;
export const MAX_PHOTOS = 3;

async function shrink(file: File): Promise<string> {
  const bitmap = await createImageBitmap(file);
  const ratio = Math.min(1, PHOTO_EDGE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * ratio);
  canvas.height = Math.round(bitmap.height * ratio);
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  for (const quality of [0.7, 0.5, 0.35]) {
    const url = canvas.toDataURL('image/jpeg', quality);
    if (url.length <= MAX_DATA_URL) return url;
  }
  throw new Error('photo too large');
}

/** Up to three photos, taken with the camera or chosen, shown as thumbnails that can be removed. */
export function PhotoPicker(props: {
  photos: string[];
  onChange: (photos: string[]) => void;
  onUnreadable: () => void;
}) {
  const { photos } = props;
  return (
    <div class="field">
      <span class="field-label" id="persuasion-photos-label">
        {t('persuasion.photos')}
      </span>
      <div class="daily-photos">
        {photos.map((photo, i) => (
          <button
            type="button"
            key={photo.slice(-32)}
            class="daily-photo"
            aria-label={t('persuasion.removePhoto', { n: i + 1 })}
            onClick={() => props.onChange(photos.filter((_, j) => j !== i))}
          >
            <img src={photo} alt="" />
            <span aria-hidden="true">×</span>
          </button>
        ))}
      </div>
      {photos.length < MAX_PHOTOS && (
        <label class="button button--secondary daily-photo-add">
          {t('persuasion.addPhoto')}
          <input
            type="file"
            accept="image/jpeg,image/png,image/*"
            capture="environment"
            class="visually-hidden"
            data-testid="persuasion-photo"
            onChange={(e) => {
              const input = e.target as HTMLInputElement;
              const file = input.files?.[0];
              input.value = '';
              if (!file) return;
              shrink(file).then(
                (photo) => props.onChange([...photos, photo].slice(0, MAX_PHOTOS)),
                props.onUnreadable,
              );
            }}
          />
        </label>
      )}
    </div>
  );
}

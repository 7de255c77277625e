// The decoder is the client's largest library and only wardens use it: it is loaded on the
// first scan (a chunk of its own), not with the first screen. The service worker keeps the chunk,
// so scanning works offline all the same.
type Decode = (image: ImageData) => string | null;
let decoder: Promise<Decode> | null = null;

export function loadDecoder(): Promise<Decode> {
  decoder ??= import('jsqr').then(
    ({ default: jsQR }) =>
      (image) =>
        jsQR(image.data, image.width, image.height)?.data ?? null,
  );
  return decoder;
}

export async function decodeImageFile(file: Blob): Promise<string | null> {
  const decodeImageData = await loadDecoder();
  const bitmap = await createImageBitmap(file);
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.drawImage(bitmap, 0, 0);
  return decodeImageData(context.getImageData(0, 0, canvas.width, canvas.height));
}

/** Scans camera frames until a QR code is read; returns a stop function. */
export async function startCamera(video: HTMLVideoElement, onCode: (text: string) => void) {
  const decodeImageData = await loadDecoder();
  const stream = await navigator.mediaDevices.getUserMedia({
    video: { facingMode: 'environment' },
  });
  video.srcObject = stream;
  await video.play();
  const canvas = document.createElement('canvas');
  const timer = window.setInterval(() => {
    if (video.videoWidth === 0) return;
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    const context = canvas.getContext('2d');
    if (!context) return;
    context.drawImage(video, 0, 0);
    const text = decodeImageData(context.getImageData(0, 0, canvas.width, canvas.height));
    if (text) {
      stop();
      onCode(text);
    }
  }, 250);
  const stop = () => {
    window.clearInterval(timer);
    stream.getTracks().forEach((track) => track.stop());
  };
  return stop;
}

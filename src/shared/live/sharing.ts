/** Live events of the sharing feature: event name → (payload) => void. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SharingLiveEvents {}

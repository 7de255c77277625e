/** Live events of the permits feature: event name → (payload) => void. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PermitsLiveEvents {}

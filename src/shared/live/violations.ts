/** Live events of the violations feature: event name → (payload) => void. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ViolationsLiveEvents {}

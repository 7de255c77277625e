// A response as it reaches the browser: the server's types (src/shared/api/<feature>.ts) with
// every Date as the ISO string JSON makes of it. The client reads `Wire<Version>`; the server
// returns `Version`. Pure: types only.
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

/** One page of a list: `GET …?page=&pageSize=`. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

import { clock } from "@liangxin/domain";

/**
 * The years offered by the report page and the analysis page alike: this year (by the clock) and the four
 * before it, the window of the analysis page's trend. Another year stays reachable by its address.
 */
export function reportYearChoices(): number[] {
  const current = Number(clock.today().slice(0, 4));
  return [current - 4, current - 3, current - 2, current - 1, current].filter((y) => y >= 2000);
}

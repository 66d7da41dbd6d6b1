/** Prices and fees as a reader expects them: "$30", "$29.50". */
import type { Money } from '../schemas/common.ts';

export function formatMoney(money: Money, locale = 'en-US'): string {
  const whole = Number.isInteger(money.amount);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: money.currency,
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(money.amount);
}

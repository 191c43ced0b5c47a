// Calendar fields of an instant as java.util.GregorianCalendar (UTC) computes them: Gregorian from
// 1582-10-15, Julian before it, and years before 1 AD counted in era BC (year of era 1, 2, …).
// SimpleDateFormat, Date.toString and Kafka's Values formats all print these fields.

const MS_PER_DAY = 86_400_000
/** 1582-10-15T00:00:00Z, the default Gregorian cutover. */
export const GREGORIAN_CUTOVER_MS = -12_219_292_800_000

export interface JavaCalendarFields {
  /** 1 = AD, 0 = BC */
  era: 0 | 1
  yearOfEra: number
  /** 0-11 */
  month: number
  day: number
  /** 0 = Sunday … 6 = Saturday */
  dayOfWeek: number
  dayOfYear: number
  hour: number
  minute: number
  second: number
  millis: number
}

function julianDayNumber(year: number, month: number, day: number): number {
  const a = Math.floor((14 - month) / 12)
  const y = year + 4800 - a
  const m = month + 12 * a - 3
  return day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - 32083
}

// Gregorian date ↔ days since 1970-01-01, exact for any range (no Date involved).
function civilFromDays(z0: number): { year: number; month: number; day: number } {
  const z = z0 + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day }
}

function daysFromCivil(y0: number, month: number, day: number): number {
  const y = month <= 2 ? y0 - 1 : y0
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146_097 + doe - 719_468
}

export function javaCalendarFields(ms: number): JavaCalendarFields {
  const days = Math.floor(ms / MS_PER_DAY)
  const msOfDay = ms - days * MS_PER_DAY
  const time = {
    hour: Math.floor(msOfDay / 3_600_000),
    minute: Math.floor(msOfDay / 60_000) % 60,
    second: Math.floor(msOfDay / 1000) % 60,
    millis: msOfDay % 1000,
  }
  if (ms >= GREGORIAN_CUTOVER_MS) {
    const { year, month, day } = civilFromDays(days)
    return {
      era: 1,
      yearOfEra: year,
      month: month - 1,
      day,
      dayOfWeek: (((days + 4) % 7) + 7) % 7,
      // 1582 began in the Julian calendar: its day numbers skip the ten cutover days
      dayOfYear: days - (year === 1582 ? julianDayNumber(1582, 1, 1) - 2_440_588 : daysFromCivil(year, 1, 1)) + 1,
      ...time,
    }
  }
  // Julian calendar, from the Julian day number
  const jdn = days + 2_440_588
  const c = jdn + 32_082
  const dd = Math.floor((4 * c + 3) / 1461)
  const e = c - Math.floor((1461 * dd) / 4)
  const m = Math.floor((5 * e + 2) / 153)
  const day = e - Math.floor((153 * m + 2) / 5) + 1
  const month = m + 3 - 12 * Math.floor(m / 10)
  const year = dd - 4800 + Math.floor(m / 10)
  return {
    era: year > 0 ? 1 : 0,
    yearOfEra: year > 0 ? year : 1 - year,
    month: month - 1,
    day,
    dayOfWeek: (((jdn + 1) % 7) + 7) % 7,
    dayOfYear: jdn - julianDayNumber(year, 1, 1) + 1,
    ...time,
  }
}

// The time stamp of a reproducible zip (the .docx and the .ofd).

/** Zip times are local wall-clock times from 1980 on: give fflate the UTC fields so the bytes do not depend on TZ. */
export function zipTime(date: Date): Date {
  const t = Math.max(date.getTime(), Date.UTC(1980, 0, 1, 12));
  const utc = new Date(t);
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate(), utc.getUTCHours(), utc.getUTCMinutes(), utc.getUTCSeconds());
}

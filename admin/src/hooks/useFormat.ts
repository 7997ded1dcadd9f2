import { useMemo } from 'react';
import { useIntl } from 'react-intl';

const UNITS = [
  { unit: 'gigabyte', size: 1024 ** 3 },
  { unit: 'megabyte', size: 1024 ** 2 },
  { unit: 'kilobyte', size: 1024 },
] as const;

/**
 * Sizes and durations in the admin's language: Intl names the units
 * ("1.0 GB", "1,0 Go") and writes the digits ("1 234 567" in French).
 */
export const useFormat = () => {
  const { locale } = useIntl();
  return useMemo(() => {
    const number = (n: number, options?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options).format(n);
    const bytes = (n: number) => {
      const u = UNITS.find((x) => n >= x.size);
      // Intl's short byte is "646 byte" in English: the long name reads right there ("646 bytes", "646 octets").
      if (!u) return number(n, { style: 'unit', unit: 'byte', unitDisplay: 'long' });
      return number(n / u.size, {
        style: 'unit',
        unit: u.unit,
        unitDisplay: 'short',
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      });
    };
    /** 0.4 s, 12 s, 3 min 05 s, 1 h 02 min: the unit symbols read the same in English and French. */
    const duration = (seconds: number | null | undefined) => {
      if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '-';
      if (seconds < 10) return `${number(Math.max(0, seconds), { minimumFractionDigits: 1, maximumFractionDigits: 1 })} s`;
      const s = Math.round(seconds);
      if (s < 60) return `${s} s`;
      const h = Math.floor(s / 3600);
      const m = Math.floor((s % 3600) / 60);
      if (h > 0) return `${number(h)} h ${String(m).padStart(2, '0')} min`;
      return `${m} min ${String(s % 60).padStart(2, '0')} s`;
    };
    return { number, bytes, duration };
  }, [locale]);
};

import Link from "next/link";
import { assessmentMessages as m } from "./assessment-messages.ts";

/** The year a page shows (`?year=`, the current one by default; never a later one), and the last years' links. */
export function pickYear(raw: string | undefined, today: string): { year: number; years: number[] } {
  const thisYear = Number(today.slice(0, 4));
  const y = Number(raw);
  const year = Number.isInteger(y) && y >= 2000 && y <= thisYear ? y : thisYear;
  return { year, years: Array.from({ length: 5 }, (_, i) => thisYear - i) };
}

export function YearLinks({ href, year, years }: { href: string; year: number; years: number[] }) {
  return (
    <div data-testid="year-pick" style={{ display: "flex", gap: 12, flexWrap: "wrap", marginBottom: 12 }}>
      {m.yearPick}
      {years.map((y) => (
        <Link key={y} href={`${href}?year=${y}`} style={{ fontWeight: y === year ? 700 : 400 }}>
          {y}
        </Link>
      ))}
    </div>
  );
}

import type { ReactNode } from "react";
import type { HostSheet as Sheet } from "@liangxin/core/basics";
import {
  COMMITTEE_POST_LABELS,
  FUND_SOURCE_LABELS,
  MEETING_KIND_LABELS,
  RATING_GRADE_LABELS,
  SECRETARY_KIND_LABELS,
  SECRETARY_SOURCE_LABELS,
  VENUE_EQUIPMENT_LABELS,
  VENUE_STATUS_LABELS,
  formatFen,
  industryLabel,
} from "@liangxin/domain";
import { L } from "@/roles/labels";
import { sheetMessages as m } from "./messages.ts";

/** How many rows of each list a sheet shows (the rest is counted, never dropped silently). */
export const SHEET_LIMITS = { members: 16, committee: 9, instructors: 4, activities: 6 } as const;

/** The first `max` of a list, and how many are left out. */
function head<T>(list: readonly T[], max: number): { shown: readonly T[]; hidden: number } {
  return { shown: list.slice(0, max), hidden: Math.max(0, list.length - max) };
}

/** A row of label/value pairs (two pairs per row). */
function Pairs({ pairs }: { pairs: [string, ReactNode][] }) {
  const rows: [string, ReactNode][][] = [];
  for (let i = 0; i < pairs.length; i += 2) rows.push(pairs.slice(i, i + 2));
  return (
    <table>
      <colgroup>
        <col style={{ width: "17%" }} />
        <col style={{ width: "33%" }} />
        <col style={{ width: "17%" }} />
        <col style={{ width: "33%" }} />
      </colgroup>
      <tbody>
        {rows.map((row) => (
          <tr key={row[0]![0]}>
            {row.map(([label, value]) => [
              <th key={`${label}-l`}>{label}</th>,
              <td key={`${label}-v`} colSpan={row.length === 1 ? 3 : 1}>
                {value}
              </td>,
            ])}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One host on one A4 page: what the township knows of it on the sheet's day. */
export function HostSheetView({ sheet }: { sheet: Sheet }) {
  const { host, covering, members } = sheet;
  const committee = head(covering?.committee ?? [], SHEET_LIMITS.committee);
  const instructors = head(sheet.instructors, SHEET_LIMITS.instructors);
  const shownMembers = head(members.rows, SHEET_LIMITS.members);
  const activities = head(sheet.activities, SHEET_LIMITS.activities);
  const fundsTotal = sheet.funds.reduce((s, f) => s + f.amountFen, 0);
  const byKind = new Map<string, number>();
  for (const a of sheet.activities) byKind.set(a.kind, (byKind.get(a.kind) ?? 0) + 1);
  const memberPairs: (typeof shownMembers.shown)[] = [];
  for (let i = 0; i < shownMembers.shown.length; i += 2) memberPairs.push(shownMembers.shown.slice(i, i + 2));

  return (
    <section className="lx-sheet" data-testid="host-sheet" data-host-id={host.id}>
      <h1>{m.title}</h1>
      <div className="lx-sheet-sub">
        <strong>{host.name}</strong>
        <span>{m.asOf(sheet.on)}</span>
      </div>

      <h2>{m.identity}</h2>
      <Pairs
        pairs={[
          [m.name, host.name],
          [m.creditCode, host.creditCode],
          [m.kind, L.kind(host.kind)],
          [m.region, host.regionName],
          [m.industry, industryLabel(host.industry)],
          [m.foundedOn, host.closedOn ? `${host.foundedOn}(${m.closedOn} ${host.closedOn})` : host.foundedOn],
          [
            m.owner,
            host.ownerName ? `${host.ownerName}${m.ownerIsMember(host.ownerIsMember)}` : m.notRecorded,
          ],
          [m.address, host.address ?? m.notRecorded],
        ]}
      />

      <h2>{m.figures}</h2>
      {sheet.figures.length ? (
        <table>
          <thead>
            <tr>
              <th>{m.year}</th>
              <th>{m.employees}</th>
              <th>{m.revenue}</th>
              <th>{m.payroll}</th>
            </tr>
          </thead>
          <tbody>
            {sheet.figures.map((f) => (
              <tr key={f.year}>
                <td>{f.year}</td>
                <td>{f.employees}</td>
                <td>{formatFen(f.revenueFen)}</td>
                <td>{formatFen(f.payrollFen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="lx-note">{m.noFigures}</p>
      )}

      <h2>{m.party}</h2>
      {covering ? (
        <Pairs
          pairs={[
            [m.coveringOrg, covering.name],
            [m.formationMode, L.mode(covering.formationMode)],
            [m.coveredSince, covering.startOn],
            [m.lastElection, L.date(covering.lastElectionOn)],
            [
              m.secretary,
              covering.secretary
                ? m.secretaryOf(
                    covering.secretary.name,
                    covering.secretary.kind ? SECRETARY_KIND_LABELS[covering.secretary.kind] : null,
                    covering.secretary.source ? SECRETARY_SOURCE_LABELS[covering.secretary.source] : null,
                  )
                : m.notRecorded,
            ],
            [
              m.committee,
              committee.shown.length
                ? committee.shown.map((c) => `${COMMITTEE_POST_LABELS[c.post]} ${c.name}`).join("、") +
                  (committee.hidden
                    ? m.morePeople(committee.shown.length + committee.hidden, committee.hidden)
                    : "")
                : m.notRecorded,
            ],
          ]}
        />
      ) : (
        <p className="lx-note">{m.uncovered}</p>
      )}

      <h2>{m.members}</h2>
      <p className="lx-note" data-testid="sheet-members-summary">
        {m.membersSummary(members.total, members.full, members.countedOnly)}
      </p>
      {memberPairs.length ? (
        <table data-testid="sheet-members">
          <colgroup>
            {[0, 1].map((i) => [
              <col key={`n${i}`} style={{ width: "8%" }} />,
              <col key={`i${i}`} style={{ width: "20%" }} />,
              <col key={`f${i}`} style={{ width: "5%" }} />,
              <col key={`o${i}`} style={{ width: "17%" }} />,
            ])}
          </colgroup>
          <thead>
            <tr>
              {[0, 1].map((i) => [
                <th key={`n${i}`}>{m.memberName}</th>,
                <th key={`i${i}`}>{m.idNumber}</th>,
                <th key={`f${i}`}>{m.membership}</th>,
                <th key={`o${i}`}>{m.holder}</th>,
              ])}
            </tr>
          </thead>
          <tbody>
            {memberPairs.map((pair, r) => (
              <tr key={r}>
                {[0, 1].map((i) => {
                  const p = pair[i];
                  return [
                    <td key={`n${i}`} className="lx-one-line">
                      {p?.name ?? ""}
                    </td>,
                    <td key={`i${i}`} className="lx-id">
                      {p?.idNumberMasked ?? ""}
                    </td>,
                    <td key={`f${i}`} className="lx-one-line">
                      {p ? (p.full ? m.full : m.probationary) : ""}
                    </td>,
                    <td key={`o${i}`} className="lx-one-line">
                      {p ? (p.access === "counted" ? m.countedOnly : (p.orgName ?? "—")) : ""}
                    </td>,
                  ];
                })}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {shownMembers.hidden ? (
        <p className="lx-note" data-testid="sheet-members-more">
          {m.morePeople(members.total, shownMembers.hidden)}
        </p>
      ) : null}

      <h2>{m.support}</h2>
      <Pairs
        pairs={[
          [
            m.instructors,
            instructors.shown.length
              ? instructors.shown.map((i) => `${i.name}(${L.instructorKind(i.kind)})`).join("、") +
                (instructors.hidden ? m.morePeople(sheet.instructors.length, instructors.hidden) : "")
              : m.none,
          ],
          [
            m.massOrgs,
            `${m.union}${m.setUp(sheet.massOrgs.unionOn)};${m.youth}${m.setUp(sheet.massOrgs.youthLeagueOn)};${m.women}${m.setUp(sheet.massOrgs.womenOn)}`,
          ],
        ]}
      />

      <h2>{m.basics}</h2>
      <Pairs
        pairs={[
          [
            m.venue,
            sheet.venues.length
              ? sheet.venues
                  .map(
                    (v) =>
                      `${v.shared ? m.sharedVenue : m.ownVenue}:${v.name},${v.status ? VENUE_STATUS_LABELS[v.status] : m.notRecorded},${m.area(v.areaSqm)}` +
                      (v.equipment.length
                        ? `,${m.equipment}:${v.equipment.map((e) => VENUE_EQUIPMENT_LABELS[e]).join("、")}`
                        : ""),
                  )
                  .join(";")
              : m.noVenue,
          ],
          [
            m.funds(sheet.year),
            sheet.funds.length
              ? `${sheet.funds.map((f) => `${FUND_SOURCE_LABELS[f.source]} ${formatFen(f.amountFen)}`).join(";")};${m.total} ${formatFen(fundsTotal)}`
              : m.noFunds,
          ],
        ]}
      />

      <h2>{m.activities}</h2>
      {sheet.activities.length ? (
        <>
          <p className="lx-note">
            {m.activityCounts(sheet.activities.length)}:
            {[...byKind]
              .map(([k, n]) => `${MEETING_KIND_LABELS[k as keyof typeof MEETING_KIND_LABELS]} ${n}次`)
              .join("、")}
          </p>
          <table>
            <colgroup>
              <col style={{ width: "14%" }} />
              <col style={{ width: "16%" }} />
              <col style={{ width: "58%" }} />
              <col style={{ width: "12%" }} />
            </colgroup>
            <thead>
              <tr>
                <th>{m.heldOn}</th>
                <th>{m.meetingKind}</th>
                <th>{m.topic}</th>
                <th>{m.attendees}</th>
              </tr>
            </thead>
            <tbody>
              {activities.shown.map((a, i) => (
                <tr key={i}>
                  <td>{a.heldOn}</td>
                  <td>{MEETING_KIND_LABELS[a.kind]}</td>
                  <td className="lx-one-line">{a.topic ?? "—"}</td>
                  <td>{a.attendees ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {activities.hidden ? (
            <p className="lx-note">{m.moreTimes(sheet.activities.length, activities.hidden)}</p>
          ) : null}
        </>
      ) : (
        <p className="lx-note">{covering ? m.noActivities : m.uncovered}</p>
      )}

      <h2>{m.ratings}</h2>
      <p className="lx-note">
        {sheet.ratings.length
          ? sheet.ratings
              .map(
                (r) =>
                  `${r.year}年 ${[r.stars ? m.stars(r.stars) : null, r.grade ? RATING_GRADE_LABELS[r.grade] : null].filter(Boolean).join("、")}`,
              )
              .join(";")
          : m.noRatings}
      </p>
    </section>
  );
}

/**
 * The lookups that keep the seeds linear give what the passes they replace gave — the same elements in
 * the same order — so the seeds write the same rows (issue 25, goal 9).
 */
import { describe, expect, it } from "vitest";
import { PathOwners, SortedPaths } from "../src/subtrees.ts";
import { Rng } from "../src/random.ts";

/** A tree's paths: `/1/`, `/1/2/`, …, each node under a random earlier one. */
function treePaths(rng: Rng, n: number): string[] {
  const paths = ["/1/"];
  for (let id = 2; id <= n; id++) paths.push(`${rng.pick(paths)}${id}/`);
  return paths;
}

describe("PathOwners.first", () => {
  it("is the first node of the list whose path is a prefix (as a find over the list)", () => {
    const rng = new Rng(7);
    const paths = treePaths(rng, 400);
    // Nodes in a list order of their own, a path twice, and paths under none of them.
    const nodes = rng.sample(paths, 60).map((path, i) => ({ path, i }));
    nodes.push({ path: nodes[3]!.path, i: 60 });
    const owners = new PathOwners(nodes);
    for (const path of [...paths, "/9999/", "/1/9999/"])
      expect(owners.first(path), path).toBe(nodes.find((n) => path.startsWith(n.path)));
  });

  it("makes the pass when a node's path is not a tree path", () => {
    const nodes = [{ path: "/1/5" }, { path: "/1/" }];
    const owners = new PathOwners(nodes);
    expect(owners.first("/1/55/")).toBe(nodes[0]);
    expect(owners.first("/2/")).toBeUndefined();
  });
});

describe("SortedPaths.under", () => {
  it("is the rows whose key starts with the prefix, in the list's order (as a filter)", () => {
    const rng = new Rng(11);
    const paths = treePaths(rng, 300);
    const rows = paths
      .flatMap((path, i) => [{ path, i }, ...(i % 7 === 0 ? [{ path, i: -i }] : [])])
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const sorted = new SortedPaths(rows, (r) => r.path);
    for (const prefix of [...paths, "/", "/0/", "/~/", "/1/2"])
      expect(sorted.under(prefix), prefix).toEqual(rows.filter((r) => r.path.startsWith(prefix)));
  });

  it("makes the pass when the rows are not sorted by the key", () => {
    const rows = [{ p: "/1/3/" }, { p: "/2/" }, { p: "/1/2/" }];
    expect(new SortedPaths(rows, (r) => r.p).under("/1/")).toEqual([rows[0], rows[2]]);
  });
});

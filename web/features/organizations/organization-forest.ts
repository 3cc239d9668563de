import type { OrganizationNode } from '../../../common/contracts/organizations.contract.ts';
import { normalizeVi } from '../../../common/rules/normalize-vi.ts';

export interface ForestNode {
  node: OrganizationNode;
  children: ForestNode[];
  /** Active members recorded in this organization and everything under it (today's counts). */
  subtreeMembers: number;
  depth: number;
}

/**
 * Nests the flat tree answer (display order, depth first) into a forest. A node whose parent is not in the answer is a
 * root: the user's scope begins inside the tree, or the parent did not exist on the date asked.
 */
export function buildForest(nodes: readonly OrganizationNode[]): ForestNode[] {
  const byId = new Map<number, ForestNode>();
  for (const n of nodes) byId.set(n.id, { node: n, children: [], subtreeMembers: n.memberCount, depth: 0 });
  const roots: ForestNode[] = [];
  for (const n of nodes) {
    const f = byId.get(n.id)!;
    const parent = n.parentId === null || n.parentId === n.id ? undefined : byId.get(n.parentId);
    (parent ? parent.children : roots).push(f);
  }
  const finish = (f: ForestNode, depth: number, seen: Set<number>): number => {
    if (seen.has(f.node.id)) return 0;
    seen.add(f.node.id);
    f.depth = depth;
    f.subtreeMembers = f.node.memberCount + f.children.reduce((s, c) => s + finish(c, depth + 1, seen), 0);
    return f.subtreeMembers;
  };
  const seen = new Set<number>();
  for (const r of roots) finish(r, 0, seen);
  return roots;
}

/**
 * Keeps the nodes whose name (or code) matches the search, ignoring case and diacritics ('dang bo xa' finds
 * 'Đảng bộ xã'), with their ancestors so they stay in place; returns the ids to expand so every match shows.
 */
export function searchForest(roots: readonly ForestNode[], query: string): { roots: ForestNode[]; expand: number[]; matches: Set<number> } {
  const q = normalizeVi(query);
  const matches = new Set<number>();
  const expand: number[] = [];
  if (!q) return { roots: [...roots], expand, matches };
  const visit = (f: ForestNode): ForestNode | null => {
    const kids = f.children.map(visit).filter((c): c is ForestNode => c !== null);
    const hit = normalizeVi(f.node.name).includes(q) || normalizeVi(f.node.code).includes(q);
    if (hit) matches.add(f.node.id);
    if (!hit && kids.length === 0) return null;
    if (kids.length) expand.push(f.node.id);
    return { ...f, children: kids };
  };
  return { roots: roots.map(visit).filter((r): r is ForestNode => r !== null), expand, matches };
}

/** Ids of the first `levels` levels that have children: what the tree opens on first view. */
export function topLevelIds(roots: readonly ForestNode[], levels: number): number[] {
  const out: number[] = [];
  const walk = (list: readonly ForestNode[], depth: number) => {
    for (const f of list) {
      if (depth < levels && f.children.length) {
        out.push(f.node.id);
        walk(f.children, depth + 1);
      }
    }
  };
  walk(roots, 0);
  return out;
}

import type { Actor, Decision } from './permissions.ts';

/**
 * The two things a family writes in the web diary (issue 16): a guardian
 * sends an absence note (zīme) and acknowledges a monthly grade extract,
 * for their own child only. Students read their journal but send nothing;
 * employees record returned paper slips and justify absences through the
 * write table (src/domain/permissions.ts), not through these.
 */
export const FAMILY_ACTIONS = ['send-absence-note', 'acknowledge-extract'] as const;
export type FamilyAction = (typeof FAMILY_ACTIONS)[number];

const LABELS: Record<FamilyAction, string> = {
  'send-absence-note': 'send an absence note',
  'acknowledge-extract': 'acknowledge a grade extract',
};

export function authorizeFamily(actor: Actor, action: FamilyAction, facts: { ownChild: boolean }): Decision {
  if (actor.kind !== 'guardian') return { allowed: false, reason: `${actor.code} (${actor.name}) may not ${LABELS[action]}: only a guardian may, for their own child` };
  if (!facts.ownChild) return { allowed: false, reason: `${actor.code} (${actor.name}) may not ${LABELS[action]}: not their child` };
  return { allowed: true };
}

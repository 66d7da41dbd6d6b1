/** The policies a sponsor may publish for attendees, each on its own page (src/pages/providers/). */
import type { Sponsor } from '../collections/schemas/sponsor.ts';

export const PROVIDER_POLICIES = {
  grievance: { title: 'Grievance procedure', field: 'grievancePolicy' },
  accommodation: { title: 'Accommodation requests', field: 'accommodationPolicy' },
} as const satisfies Record<string, { title: string; field: keyof Sponsor }>;

export type ProviderPolicyKind = keyof typeof PROVIDER_POLICIES;
export const PROVIDER_POLICY_KINDS = Object.keys(PROVIDER_POLICIES) as ProviderPolicyKind[];

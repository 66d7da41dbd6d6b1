/** What a board's browse page says beside its courses: who the board is for, and the providers it approves. */
import { getCollection, getEntry } from 'astro:content';
import { sponsorApproval } from '../domain/ce/ce-approvals.ts';

export interface BoardDetails {
  professions: string[];
  /** The organisations this body approves as providers, as their sponsor files state. */
  approved: { name: string; number?: string | undefined }[];
}

export async function boardDetails(id: string): Promise<BoardDetails> {
  const [board, sponsors] = await Promise.all([getEntry('boards', id), getCollection('sponsors')]);
  const approved = sponsors
    .flatMap(({ data }) => {
      // A jointly accredited provider is approved by each body its accreditation covers.
      const approval = sponsorApproval(data, id);
      return approval ? [{ name: data.name, number: approval.providerNumber }] : [];
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  return { professions: board?.data.professions ?? [], approved };
}

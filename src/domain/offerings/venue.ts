/**
 * Where an offering meets, in words. The calendar file says at least what the page says, so
 * someone who adds a session to their calendar still knows which room to go to.
 */
import type { Venue } from '../../collections/schemas/offering.ts';

/** What the page shows: "Conference Center, Room 204, 1 Main Street, Boston". */
export function venueText(venue: Venue): string {
  return [venue.name, venue.room, venue.streetAddress, venue.locality].filter(Boolean).join(', ');
}

/** What a calendar's LOCATION holds: the page's words, then region, postal code and country for maps. */
export function venueLocation(venue: Venue): string {
  const regionLine = [venue.region, venue.postalCode].filter(Boolean).join(' ');
  return [venueText(venue), regionLine, venue.country].filter(Boolean).join(', ');
}

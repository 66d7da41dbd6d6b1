/** A venue in words: the page's line, and the calendar's LOCATION that carries all of it. */
import { describe, expect, it } from 'vitest';
import { venueLocation, venueText } from '../../../../src/domain/offerings/venue.ts';

const venue = {
  name: 'Conference Center',
  room: 'Room 204, second floor',
  streetAddress: '1 Main Street',
  locality: 'Boston',
  region: 'MA',
  postalCode: '02108',
  country: 'US',
};

describe('venueText', () => {
  it('gives the name, room, street and city', () => {
    expect(venueText(venue)).toBe(
      'Conference Center, Room 204, second floor, 1 Main Street, Boston',
    );
  });

  it('leaves out a room the content does not give', () => {
    const { room: _room, ...withoutRoom } = venue;
    expect(venueText(withoutRoom)).toBe('Conference Center, 1 Main Street, Boston');
  });
});

describe('venueLocation', () => {
  it('is the page’s text, then region, postal code and country', () => {
    expect(venueLocation(venue)).toBe(
      'Conference Center, Room 204, second floor, 1 Main Street, Boston, MA 02108, US',
    );
  });

  it('leaves out what the content does not give', () => {
    expect(
      venueLocation({
        name: 'Friends House',
        streetAddress: '173-177 Euston Road',
        locality: 'London',
        country: 'GB',
      }),
    ).toBe('Friends House, 173-177 Euston Road, London, GB');
  });
});

/**
 * What every page's header and footer show besides the site's own sections: the provider's
 * pages each in its place and order, how to reach the publisher, and the logo. Routes put it in
 * their `cacheKey`, so adding a page, changing an address or replacing the logo file renders
 * every page again.
 */
import { getCollection } from 'astro:content';
import type { NavPlace } from '../collections/schemas/page.ts';
import { publisher, siteSettings } from './catalog.ts';
import { resolveContentDir } from '../collections/validation/load-content.ts';
import { logoDigest } from '../collections/validation/site-settings.ts';

export interface NavLink {
  href: string;
  label: string;
}

export interface PublisherContact {
  email?: string;
  phone?: string;
  address?: string;
}

export interface SiteFrame {
  header: NavLink[];
  footer: NavLink[];
  contact: PublisherContact;
  /** The digest of the logo every page shows (its published name carries it). */
  logo?: string;
}

/** `/<slug>/`, the address of a provider page. */
export const pagePath = (slug: string) => `/${slug}/`;

let pending: Promise<SiteFrame> | undefined;

async function makeFrame(): Promise<SiteFrame> {
  const [pages, site, sponsor] = await Promise.all([
    getCollection('pages'),
    siteSettings(),
    publisher(),
  ]);
  const linksIn = (place: NavPlace) =>
    pages
      .filter(({ data }) => data.nav === place)
      .sort((a, b) => a.data.order - b.data.order || a.data.title.localeCompare(b.data.title))
      .map(({ id, data }) => ({ href: pagePath(id), label: data.title }));
  const { email = site.contactEmail, phone, address } = sponsor.contact ?? {};
  const logo = logoDigest(site, resolveContentDir());
  return {
    ...(logo !== undefined && { logo }),
    header: linksIn('header'),
    footer: linksIn('footer'),
    contact: {
      ...(email !== undefined && { email }),
      ...(phone !== undefined && { phone }),
      ...(address !== undefined && { address }),
    },
  };
}

/** The frame, made once per build (every page shows it); in development, on every request. */
export function siteFrame(): Promise<SiteFrame> {
  if (import.meta.env.DEV) return makeFrame();
  pending ??= makeFrame();
  return pending;
}

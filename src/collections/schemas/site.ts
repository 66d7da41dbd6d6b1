/** Site-wide settings, from content/site.yaml. */
import { z } from 'zod';
import { httpsUrlSchema, referenceTo, textSchema } from './common.ts';

/** A colour as six hex digits: the one form the contrast check, CSS and the social cards all read. */
export const hexColorSchema = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'a colour as # and six hex digits')
  .meta({ description: 'A colour as # and six hex digits.', examples: ['#0b5c6b'] });

export const brandSchema = z
  .strictObject({
    logo: z
      .string()
      .trim()
      .regex(
        /^(?!\/)(?!.*\.\.)[A-Za-z0-9_./-]+\.(?:svg|png)$/,
        'the path of an .svg or .png file inside content/, such as brand/logo.svg',
      )
      .meta({
        description:
          'The logo, an SVG or PNG file, by its path from the content folder. Shown in the header (with the site name as its text alternative) and on the social cards; the favicon and touch icon are made from it.',
        examples: ['brand/logo.svg'],
      }),
    color: hexColorSchema.meta({
      description:
        'The brand colour for links, buttons and accents in the light colour scheme. It needs 4.5:1 contrast against the page background and under white button text (WCAG AA); the check gives the nearest colour that passes.',
      examples: ['#0b5c6b'],
    }),
    colorDark: hexColorSchema.optional().meta({
      description:
        'The brand colour in the dark colour scheme. Left out, the nearest colour to `color` with 4.5:1 contrast on the dark background is used.',
      examples: ['#5fc4d4'],
    }),
  })
  .meta({ description: "The provider's logo and colour." });

export type Brand = z.infer<typeof brandSchema>;

export const CMS_BACKENDS = ['github', 'gitlab', 'git-gateway'] as const;

export const cmsSchema = z
  .strictObject({
    backend: z.enum(CMS_BACKENDS).meta({
      description:
        'Where the admin (/admin/) saves in production: `github` or `gitlab` (editors sign in with that account), or `git-gateway` (Netlify Identity). The README gives the one-time set-up for each.',
      examples: ['github'],
    }),
    repo: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)+$/, 'owner/name, such as praxis-cet/courses')
      .optional()
      .meta({
        description:
          'The repository, as owner/name (GitLab groups may nest: group/subgroup/name). Required for github and gitlab.',
        examples: ['praxis-cet/courses'],
      }),
    branch: z
      .string()
      .trim()
      .min(1)
      .default('main')
      .meta({ description: 'The branch the admin commits to.', examples: ['main'] }),
  })
  .meta({ description: 'The production CMS login.' });

export type CmsSettings = z.infer<typeof cmsSchema>;

export const siteSchema = z
  .strictObject({
    name: textSchema.meta({
      description: 'Site name, shown in the header and titles.',
      examples: ['Praxis CET'],
    }),
    url: httpsUrlSchema.meta({
      description:
        'The public base URL of the site; canonical URLs, the sitemap and feeds are built from it.',
      examples: ['https://courses.example.org'],
    }),
    description: textSchema
      .max(160)
      .meta({ description: 'One sentence about the site, for the home page meta description.' }),
    language: z
      .string()
      .regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, 'a BCP 47 language tag such as en-US')
      .default('en-US')
      .meta({ description: 'Language of the content.', examples: ['en-US'] }),
    organization: referenceTo('sponsors', 'praxis-cet').meta({
      description: 'The sponsor that publishes the site.',
    }),
    contactEmail: z
      .email()
      .optional()
      .meta({
        description: 'A contact e-mail, when there is one.',
        examples: ['info@example.org'],
      }),
    strictCompliance: z
      .boolean()
      .default(false)
      .meta({
        description:
          'Whether a promotional item a CE body requires and a course lacks stops the build, instead of a warning from `npm run check`.',
        examples: [false],
      }),
    brand: brandSchema.optional().meta({
      description:
        "The provider's logo and colour. Left out, the site keeps its own colours and shows the site name as text.",
    }),
    cms: cmsSchema.optional().meta({
      description:
        'The backend the admin (/admin/) uses in production. Left out, the admin works only locally (`npm run cms`).',
    }),
    allowMdx: z
      .boolean()
      .default(true)
      .meta({
        description:
          'Whether .mdx course files are accepted. MDX runs code: for trusted authors only.',
        examples: [true],
      }),
  })
  .meta({ description: 'Site settings.' });

export type SiteSettings = z.infer<typeof siteSchema>;

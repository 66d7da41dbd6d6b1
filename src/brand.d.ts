/** The brand colours as CSS, made by src/build/brand.ts from content/site.yaml. */
declare module 'virtual:ce-brand.css';

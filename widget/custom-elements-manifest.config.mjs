// `cem analyze`: dist/custom-elements.json, the public elements' API (attributes, properties,
// events, slots, parts, CSS custom properties) for editors, linters and documentation tools,
// read from the JSDoc headers of the two public components.
export default {
  globs: [
    'src/components/lesson-widget/lesson-widget.component.ts',
    'src/components/lesson-search/lesson-search.component.ts',
  ],
  outdir: 'dist',
  litelement: true,
};

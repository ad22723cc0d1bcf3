// Type stub for cytoscape-fcose, which ships no TypeScript declarations: it is a cytoscape extension.
declare module 'cytoscape-fcose' {
  import type cytoscape from 'cytoscape';
  const fcose: cytoscape.Ext;
  export default fcose;
}

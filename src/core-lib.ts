/**
 * The one module of this package that names the core CDK library. Everything else, the generated
 * bindings included (see scripts/gen-bindings.js), imports the core library through here, so the
 * package can be built for cdktf or for its continuation CDK Terrain (`cdktn`) by changing this
 * single line.
 */
export * from 'cdktf';

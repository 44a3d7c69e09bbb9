/**
 * The syntax tree of HCL's expression and template language (HashiCorp, "HCL Native Syntax
 * Specification", hashicorp/hcl v2 hclsyntax/spec.md), as parse.ts builds it and evaluate.ts reads it.
 */
import type { Known } from './value';

export type Node =
  | { readonly kind: 'literal'; readonly value: Known }
  | { readonly kind: 'template'; readonly parts: TemplatePart[] }
  | { readonly kind: 'variable'; readonly name: string }
  | { readonly kind: 'attribute'; readonly target: Node; readonly name: string }
  | { readonly kind: 'index'; readonly target: Node; readonly key: Node }
  /** `x[*].a` / `x.*.a`: `each` is applied to every element (bound to the variable `SPLAT_ITEM`). */
  | { readonly kind: 'splat'; readonly target: Node; readonly each: Node }
  | { readonly kind: 'call'; readonly name: string; readonly args: Node[]; readonly expand: boolean }
  | { readonly kind: 'tuple'; readonly items: Node[] }
  | { readonly kind: 'object'; readonly items: [Node, Node][] }
  | { readonly kind: 'conditional'; readonly test: Node; readonly then: Node; readonly otherwise: Node }
  | { readonly kind: 'unary'; readonly op: '!' | '-'; readonly operand: Node }
  | { readonly kind: 'binary'; readonly op: string; readonly left: Node; readonly right: Node }
  | {
      readonly kind: 'for';
      readonly object: boolean;
      readonly keyVar?: string;
      readonly valueVar: string;
      readonly collection: Node;
      readonly key?: Node;
      readonly value: Node;
      readonly condition?: Node;
      readonly group: boolean;
    };

export type TemplatePart =
  | string
  | { readonly kind: 'interpolation'; readonly expression: Node }
  | {
      readonly kind: 'if';
      readonly test: Node;
      readonly then: TemplatePart[];
      readonly otherwise: TemplatePart[];
    }
  | {
      readonly kind: 'for';
      readonly keyVar?: string;
      readonly valueVar: string;
      readonly collection: Node;
      readonly body: TemplatePart[];
    };

/** The name a splat's element is bound to while `each` is evaluated (not a valid HCL identifier). */
export const SPLAT_ITEM = '*item';

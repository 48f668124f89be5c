/**
 * The part of a fetch `Request` the edge tracker reads. Every edge runtime's `Request` (Workers,
 * Vercel Edge and Next.js middleware, Deno, Bun) fits it; typed structurally so the package needs
 * no DOM or runtime-specific types.
 */
export interface RequestLike {
  readonly url: string;
  readonly headers: { get(name: string): string | null };
}

/**
 * A tag as a chip with its color. The color is an SVG fill attribute, not a style: the page's CSP
 * allows no inline styles, and a tag's color is the owner's data, not part of the stylesheet.
 */
export function TagChip({ name, color }: { name: string; color: string }) {
  return (
    <span className="tag-chip">
      <svg className="tag-dot" viewBox="0 0 10 10" width="10" height="10" aria-hidden="true">
        <circle cx="5" cy="5" r="5" fill={color} />
      </svg>
      {name}
    </span>
  );
}

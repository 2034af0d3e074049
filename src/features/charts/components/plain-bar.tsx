import type { BarShapeProps } from 'recharts';

/**
 * A bar drawn as recharts' default Rectangle draws a square-cornered, unanimated one: the same
 * path, rounded to the same 4 decimals. The default Rectangle is a component with a dozen hooks and
 * a mount effect that measures the path (for an animation these charts switch off) and renders
 * again with its length; a redraw mounts or moves about a hundred bars, so this plain function
 * saves two components per bar and the extra render.
 * @example <Bar dataKey="ar" shape={plainBar} isAnimationActive={false} />
 */
export function plainBar({ x, y, width, height, fill, fillOpacity, stroke, name }: BarShapeProps) {
  if (![x, y, width, height].every(Number.isFinite) || width === 0 || height === 0) return null;
  return (
    <path
      name={typeof name === 'string' ? name : undefined}
      fill={fill}
      fillOpacity={fillOpacity}
      stroke={stroke}
      className="recharts-rectangle"
      d={`M ${round(x)},${round(y)} h ${round(width)} v ${round(height)} h ${round(-width)} Z`}
    />
  );
}

function round(value: number): number {
  const rounded = Math.round(value * 10_000) / 10_000;
  return Object.is(rounded, -0) ? 0 : rounded;
}

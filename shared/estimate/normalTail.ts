/**
 * The upper tail of the standard normal, Q(x) = P(Z > x) = ½·erfc(x/√2), from the rational
 * Chebyshev fit of erfc in Numerical Recipes (`erfcc`, relative error below 1.2·10⁻⁷), computed
 * directly so that small tails keep their relative precision (lognormal residuals divide by them).
 *
 * @example
 * normalTail(0) //=> 0.5
 * normalTail(1.2815516) //=> 0.1
 */
export function normalTail(x: number): number {
  return 0.5 * erfc(x / Math.SQRT2)
}

function erfc(x: number): number {
  const z = Math.abs(x)
  const t = 1 / (1 + 0.5 * z)
  const poly =
    -1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))))
  const r = t * Math.exp(-z * z + poly)
  return x >= 0 ? r : 2 - r
}

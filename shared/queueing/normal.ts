/**
 * The standard normal density φ(x) = e^{−x²/2}/√(2π).
 *
 * @example
 * normalPdf(0) //=> 0.3989…
 */
export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI)
}

/**
 * The standard normal distribution function Φ(x), from the complementary error function of
 * W. J. Cody's rational Chebyshev fit as given in Numerical Recipes (`erfcc`, relative error
 * below 1.2·10⁻⁷ everywhere), which is ample for staffing rules of thumb.
 *
 * @example
 * normalCdf(0) //=> 0.5 (to 1e-7)
 * normalCdf(1.959964) //=> 0.975…
 */
export function normalCdf(x: number): number {
  return 1 - 0.5 * erfc(x / Math.SQRT2)
}

/**
 * The complementary error function erfc(x) = 1 − erf(x) (the same `erfcc` fit), computed
 * directly so that small tails keep their relative precision.
 *
 * @example
 * erfc(0) //=> 1
 */
export function erfc(x: number): number {
  const z = Math.abs(x)
  const t = 1 / (1 + 0.5 * z)
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    )
  return x >= 0 ? r : 2 - r
}

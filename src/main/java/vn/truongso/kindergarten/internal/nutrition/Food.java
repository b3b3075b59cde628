package vn.truongso.kindergarten.internal.nutrition;

/**
 * A food of the composition table (or one the school added): its refuse share (thải bỏ, % of the
 * purchased weight discarded), whether its protein and lipid are animal, and what 100 g of its
 * edible part bring.
 */
public record Food(String code, String name, double refusePct, boolean animal, Nutrients per100g) {

  public Food {
    if (refusePct < 0 || refusePct >= 100) {
      throw new IllegalArgumentException("refuse " + refusePct + " % of " + code);
    }
  }

  /** The edible part of a purchased (gross) weight. */
  public double edible(double grossGrams) {
    return grossGrams * (1 - refusePct / 100);
  }

  /** What a purchased (gross) weight brings, from its edible part. */
  public Nutrients of(double grossGrams) {
    return per100g.times(edible(grossGrams) / 100);
  }
}

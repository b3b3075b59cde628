package vn.truongso.kindergarten.internal.nutrition;

/**
 * What a quantity of food brings, in the units of the food composition table (NIN 2007, per 100 g
 * edible portion): energy in kcal, protein, lipid and glucid in g, calcium and iron in mg, retinol
 * and β-carotene in µg, vitamins B1 and C in mg.
 */
public record Nutrients(
    double energyKcal,
    double proteinG,
    double lipidG,
    double glucidG,
    double calciumMg,
    double ironMg,
    double retinolUg,
    double betaCaroteneUg,
    double vitaminB1Mg,
    double vitaminCMg) {

  public static final Nutrients NONE = new Nutrients(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  public Nutrients plus(Nutrients o) {
    return new Nutrients(
        energyKcal + o.energyKcal,
        proteinG + o.proteinG,
        lipidG + o.lipidG,
        glucidG + o.glucidG,
        calciumMg + o.calciumMg,
        ironMg + o.ironMg,
        retinolUg + o.retinolUg,
        betaCaroteneUg + o.betaCaroteneUg,
        vitaminB1Mg + o.vitaminB1Mg,
        vitaminCMg + o.vitaminCMg);
  }

  public Nutrients times(double f) {
    return new Nutrients(
        energyKcal * f,
        proteinG * f,
        lipidG * f,
        glucidG * f,
        calciumMg * f,
        ironMg * f,
        retinolUg * f,
        betaCaroteneUg * f,
        vitaminB1Mg * f,
        vitaminCMg * f);
  }

  /**
   * Vitamin A in µg retinol equivalents: retinol + β-carotene / 6 (FAO/WHO 1988, the convention of
   * the NIN 2007 table's era; the later RAE divides by 12).
   */
  public double vitaminAUg() {
    return retinolUg + betaCaroteneUg / 6;
  }

  /** Energy from the macronutrients at 4 / 9 / 4 kcal a gram (the shares are of this). */
  public double macroEnergyKcal() {
    return 4 * proteinG + 9 * lipidG + 4 * glucidG;
  }
}

/**
 * Kindergarten (mầm non): the children's day, meals computed to the nutrition norms, growth by the
 * WHO standards, health and development. Begun with growth: WHO 2006 (0–5 years) and WHO 2007 (5–19
 * years) z-scores computed exactly as WHO's own software does.
 *
 * <p>Null-marked: a type is non-null unless it says {@code @Nullable}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Kindergarten",
    allowedDependencies = {
      "platform",
      "platform :: xlsx",
      "org",
      "people",
      "enrolment",
      "attendance"
    })
@org.jspecify.annotations.NullMarked
package vn.truongso.kindergarten;

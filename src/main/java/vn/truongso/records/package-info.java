/**
 * Records: the official books as the Ministry's forms (sổ theo dõi và đánh giá học sinh, học bạ, sổ
 * đăng bộ), the digital school record (học bạ số) as XML in a versioned schema, and their
 * signatures and year-end archives. It reads other modules through their public APIs and nothing
 * depends on it.
 *
 * <p>Null-marked: a type is non-null unless it says {@code @Nullable}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Records",
    allowedDependencies = {
      "platform",
      "platform :: time",
      "org",
      "people",
      "enrolment",
      "curriculum",
      "assessment",
      "gradebook",
      "control"
    })
@org.jspecify.annotations.NullMarked
package vn.truongso.records;

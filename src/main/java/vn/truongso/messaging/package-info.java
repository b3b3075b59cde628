/**
 * Messages between the school and families: notices to the whole school, a grade, a class or chosen
 * families (urgent and health notices marked as such), the periodic results summaries the principal
 * releases, absence warnings from the roll, and each family's conversation with the homeroom
 * teacher. Every message lands in the family's in-app inbox; an outbox written in the same
 * transaction carries it by e-mail, Web Push, SMS or Zalo as the family chooses, with retries.
 *
 * <p>Null-marked: a type is non-null unless it says {@code @Nullable}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Messages",
    allowedDependencies = {
      "platform",
      "org",
      "people",
      "enrolment",
      "identity",
      "gradebook",
      "attendance"
    })
@org.jspecify.annotations.NullMarked
package vn.truongso.messaging;

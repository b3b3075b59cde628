package vn.truongso.kindergarten.internal.kitchen;

import org.springframework.stereotype.Component;
import vn.truongso.org.Organisation;
import vn.truongso.org.School;
import vn.truongso.org.SchoolLevel;
import vn.truongso.platform.Action;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.Target;

/**
 * Who may work in a school's kitchen: the cook (cấp dưỡng) and the school's leaders, of a school
 * with a kindergarten level; for anyone else, and for another level's school, there is no kitchen.
 */
@Component
public class KitchenAccess {

  private final Authorization authorization;
  private final Organisation org;

  KitchenAccess(Authorization authorization, Organisation org) {
    this.authorization = authorization;
    this.org = org;
  }

  public School require(long schoolId) {
    School school =
        org.school(schoolId)
            .filter(s -> s.levels().contains(SchoolLevel.KINDERGARTEN))
            .orElseThrow(() -> new NotFoundException("kindergarten.kitchen"));
    if (!authorization.permits(Action.MANAGE_KITCHEN, Target.school(schoolId))) {
      throw new NotFoundException("kindergarten.kitchen");
    }
    return school;
  }

  /** The kindergartens whose kitchen the user works in, for the navigation and the home page. */
  public java.util.List<School> schools() {
    return org.schools(authorization.schoolsWhere(Action.MANAGE_KITCHEN)).stream()
        .filter(s -> s.levels().contains(SchoolLevel.KINDERGARTEN))
        .toList();
  }
}

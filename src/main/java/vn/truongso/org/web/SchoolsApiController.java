package vn.truongso.org.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.truongso.org.Organisation;
import vn.truongso.org.School;
import vn.truongso.org.SchoolYear;
import vn.truongso.platform.Action;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.Target;

/** Schools and their school years, limited to what the caller may see. */
@RestController
@Tag(name = "Schools")
@SecurityRequirement(name = "bearer")
class SchoolsApiController {

  private final Organisation org;
  private final Authorization authorization;

  SchoolsApiController(Organisation org, Authorization authorization) {
    this.org = org;
    this.authorization = authorization;
  }

  @GetMapping("/api/v1/schools")
  @Operation(summary = "Schools the caller may see")
  List<School> schools() {
    return org.schools(authorization.schoolsWhere(Action.VIEW_SCHOOL));
  }

  @GetMapping("/api/v1/schools/{id}/years")
  @Operation(summary = "A school's years, terms and numbered weeks")
  List<SchoolYear> years(@PathVariable long id) {
    if (!authorization.permits(Action.VIEW_SCHOOL, Target.school(id))) {
      throw new NotFoundException("school");
    }
    return org.years(id);
  }
}

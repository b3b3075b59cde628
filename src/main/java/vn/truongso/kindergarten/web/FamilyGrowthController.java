package vn.truongso.kindergarten.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.truongso.kindergarten.internal.GrowthRecords;
import vn.truongso.kindergarten.internal.HealthChecks;
import vn.truongso.platform.AuthenticatedUser;

/** The family's view of its child's growth, in the portal: the charts and the measurements. */
@Controller
class FamilyGrowthController {

  private final GrowthRecords growth;
  private final HealthChecks health;

  FamilyGrowthController(GrowthRecords growth, HealthChecks health) {
    this.growth = growth;
    this.health = health;
  }

  @GetMapping("/portal/{schoolId}/{studentId}/growth")
  String growth(
      @PathVariable long schoolId,
      @PathVariable long studentId,
      @AuthenticationPrincipal AuthenticatedUser user,
      Model model) {
    model.addAttribute("schoolId", schoolId);
    model.addAttribute("g", growth.forFamily(user.accountId(), schoolId, studentId));
    model.addAttribute("checks", health.of(schoolId, studentId));
    return "kindergarten/family-growth";
  }
}

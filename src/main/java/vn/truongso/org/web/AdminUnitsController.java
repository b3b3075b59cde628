package vn.truongso.org.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.truongso.org.Organisation;

/** Ward options for an address form once a province is chosen (an htmx fragment). */
@Controller
class AdminUnitsController {

  private final Organisation org;

  AdminUnitsController(Organisation org) {
    this.org = org;
  }

  @GetMapping("/org/wards")
  String wards(@RequestParam java.util.Map<String, String> params, Model model) {
    // The address forms name their province selects differently; any two-digit value is the code.
    String province =
        params.values().stream().filter(v -> v.matches("\\d{2}")).findFirst().orElse("");
    model.addAttribute("wards", province.isEmpty() ? java.util.List.of() : org.wards(province));
    return "org/wards :: options";
  }
}

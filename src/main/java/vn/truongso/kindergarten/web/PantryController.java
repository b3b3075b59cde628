package vn.truongso.kindergarten.web;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.truongso.kindergarten.internal.kitchen.Dishes;
import vn.truongso.kindergarten.internal.kitchen.Foods;
import vn.truongso.kindergarten.internal.kitchen.KitchenAccess;
import vn.truongso.kindergarten.internal.kitchen.KitchenAdmin;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.FormOutcome;
import vn.truongso.platform.InvalidInput;

/** The kitchen's larder: dishes as recipes, the foods (national and the school's), prices. */
@Controller
class PantryController {

  private static final int RECIPE_LINES = 10;

  private final Dishes dishes;
  private final Foods foods;
  private final KitchenAdmin admin;
  private final KitchenAccess access;

  PantryController(Dishes dishes, Foods foods, KitchenAdmin admin, KitchenAccess access) {
    this.dishes = dishes;
    this.foods = foods;
    this.admin = admin;
    this.access = access;
  }

  @GetMapping("/schools/{schoolId}/kitchen/dishes")
  String dishes(
      @PathVariable long schoolId,
      @RequestParam(required = false) @Nullable Long edit,
      Model model) {
    Dishes.Form form = new Dishes.Form("", List.of(), List.of(), "");
    if (edit != null) {
      for (Dishes.View v : dishes.all(schoolId)) {
        if (v.id() == edit) {
          form =
              new Dishes.Form(
                  v.name(),
                  v.lines().stream().map(l -> l.food().code()).toList(),
                  v.lines().stream().map(l -> String.valueOf(l.grossG())).toList(),
                  v.yieldPct() == null ? "" : String.valueOf(v.yieldPct()));
        }
      }
    }
    return dishPage(schoolId, edit, form, Map.of(), model);
  }

  private String dishPage(
      long schoolId,
      @Nullable Long edit,
      Dishes.Form form,
      Map<String, InvalidInput.FieldError> errors,
      Model model) {
    model.addAttribute("school", access.require(schoolId));
    model.addAttribute("dishes", dishes.all(schoolId));
    model.addAttribute("edit", edit);
    model.addAttribute("f", form);
    model.addAttribute(
        "lines",
        java.util.stream.IntStream.range(0, Math.max(RECIPE_LINES, form.codes().size() + 2))
            .boxed()
            .toList());
    model.addAttribute("errors", errors);
    return "kindergarten/kitchen-dishes";
  }

  @PostMapping("/schools/{schoolId}/kitchen/dishes")
  String saveDish(
      @PathVariable long schoolId,
      @RequestParam(required = false) @Nullable Long edit,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(name = "code", required = false) @Nullable List<String> codes,
      @RequestParam(name = "grams", required = false) @Nullable List<String> grams,
      @RequestParam(defaultValue = "") String yieldPct,
      Model model,
      RedirectAttributes redirect) {
    Dishes.Form form =
        new Dishes.Form(
            name, codes == null ? List.of() : codes, grams == null ? List.of() : grams, yieldPct);
    try {
      dishes.save(schoolId, edit, form);
    } catch (InvalidInput e) {
      return dishPage(schoolId, edit, form, e.byField(), model);
    }
    redirect.addFlashAttribute("dishSaved", name.strip());
    return "redirect:/schools/" + schoolId + "/kitchen/dishes";
  }

  @GetMapping("/schools/{schoolId}/kitchen/foods")
  String foods(
      @PathVariable long schoolId, @RequestParam(defaultValue = "") String q, Model model) {
    return foodPage(schoolId, q, emptyFood(), Map.of(), model);
  }

  private static Foods.Form emptyFood() {
    return new Foods.Form("", "0", false, "", "", "", "", "", "", "", "", "", "");
  }

  private String foodPage(
      long schoolId,
      String q,
      Foods.Form form,
      Map<String, InvalidInput.FieldError> errors,
      Model model) {
    model.addAttribute("school", access.require(schoolId));
    model.addAttribute("q", q);
    model.addAttribute("foods", foods.search(schoolId, q));
    model.addAttribute("f", form);
    model.addAttribute("errors", errors);
    return "kindergarten/kitchen-foods";
  }

  @PostMapping("/schools/{schoolId}/kitchen/foods")
  String addFood(
      @PathVariable long schoolId,
      @ModelAttribute Foods.Form form,
      @AuthenticationPrincipal AuthenticatedUser user,
      Model model,
      RedirectAttributes redirect) {
    try {
      String code = foods.add(user, schoolId, form);
      redirect.addFlashAttribute("foodAdded", code);
    } catch (InvalidInput e) {
      return foodPage(schoolId, "", form, e.byField(), model);
    }
    return "redirect:/schools/" + schoolId + "/kitchen/foods?q=" + form.name().strip();
  }

  @GetMapping("/schools/{schoolId}/kitchen/settings")
  String settings(@PathVariable long schoolId, Model model) {
    model.addAttribute("school", access.require(schoolId));
    model.addAttribute("s", admin.settings(schoolId));
    return "kindergarten/kitchen-settings";
  }

  @PostMapping("/schools/{schoolId}/kitchen/settings")
  String prices(
      @PathVariable long schoolId,
      @RequestParam(defaultValue = "") String mealPriceNhaTre,
      @RequestParam(defaultValue = "") String mealPriceMauGiao,
      @RequestParam(defaultValue = "") String cancelBy,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect) {
    return FormOutcome.done(
        () -> {
          admin.setPrices(user, schoolId, mealPriceNhaTre, mealPriceMauGiao, cancelBy);
          return "kindergarten.kitchen.settingsSaved";
        },
        "prices",
        "/schools/" + schoolId + "/kitchen/settings",
        redirect);
  }

  @PostMapping("/schools/{schoolId}/kitchen/supplies")
  String supply(
      @PathVariable long schoolId,
      @RequestParam(defaultValue = "") String foodCode,
      @RequestParam(defaultValue = "") String supplier,
      @RequestParam(defaultValue = "") String price,
      @RequestParam(defaultValue = "false") boolean stocked,
      RedirectAttributes redirect) {
    return FormOutcome.done(
        () -> {
          admin.setSupply(schoolId, foodCode, supplier, price, stocked);
          return "kindergarten.kitchen.supplySaved";
        },
        "supply",
        "/schools/" + schoolId + "/kitchen/settings",
        redirect);
  }
}

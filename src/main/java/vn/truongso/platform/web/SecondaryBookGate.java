package vn.truongso.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.ModelAndViewDefiningException;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.truongso.platform.Action;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.Navigation;
import vn.truongso.platform.SchoolNames;
import vn.truongso.platform.SecondaryBookPages;
import vn.truongso.platform.SecondaryBookSchools;

/**
 * The school-wide pages of the secondary grade book ({@link SecondaryBookPages}) opened for a
 * school that keeps no secondary book answer one page saying so, before any handler runs: a read
 * gets it with 200, a write is refused (409) with nothing written. Only for a user who holds a
 * grade-book action in that school; anyone else gets the handler's own refusal, as before. The
 * class pages of such a level have their own gate in the grade book, which names the class.
 */
@Component
class SecondaryBookGate implements HandlerInterceptor, WebMvcConfigurer {

  private static final List<Action> GRADE_BOOK_ACTIONS =
      Arrays.stream(Action.values()).filter(Action::onSecondaryGradeBook).toList();

  private final List<String> patterns;
  private final Authorization authorization;
  private final ObjectProvider<SecondaryBookSchools> bookSchools;
  private final ObjectProvider<SchoolNames> names;
  private final Navigation navigation;

  SecondaryBookGate(
      List<SecondaryBookPages> pages,
      Authorization authorization,
      ObjectProvider<SecondaryBookSchools> bookSchools,
      ObjectProvider<SchoolNames> names,
      Navigation navigation) {
    this.patterns = pages.stream().flatMap(p -> p.patterns().stream()).distinct().toList();
    this.authorization = authorization;
    this.bookSchools = bookSchools;
    this.names = names;
    this.navigation = navigation;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    if (!patterns.isEmpty()) {
      registry.addInterceptor(this).addPathPatterns(patterns);
    }
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws ModelAndViewDefiningException {
    Long schoolId = schoolId(request);
    if (schoolId == null || !keepsNoSecondaryBook(schoolId)) {
      return true;
    }
    boolean reads = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    SchoolNames schoolNames = names.getIfAvailable();
    ModelAndView page = new ModelAndView("platform/not-for-level");
    page.addObject("schoolId", schoolId);
    page.addObject(
        "schoolName",
        schoolNames == null
            ? String.valueOf(schoolId)
            : schoolNames.namesOf(Set.of(schoolId)).getOrDefault(schoolId, ""));
    // No controller runs, so the layout's model is added here.
    page.addObject("currentUser", Navigation.currentUser());
    page.addObject("nav", navigation.shown());
    page.addObject("refused", !reads);
    page.setStatus(reads ? HttpStatus.OK : HttpStatus.CONFLICT);
    throw new ModelAndViewDefiningException(page);
  }

  /**
   * Whether the school, where the user holds a grade-book action, keeps no secondary book. A school
   * the user holds none in is left to the handler, so its level reveals nothing.
   */
  private boolean keepsNoSecondaryBook(long schoolId) {
    SecondaryBookSchools schools = bookSchools.getIfAvailable();
    if (schools == null
        || GRADE_BOOK_ACTIONS.stream()
            .noneMatch(a -> authorization.schoolsWhere(a).contains(schoolId))) {
      return false;
    }
    return schools.keepingSecondaryBook(Set.of(schoolId)).isEmpty();
  }

  /** A malformed id is left to the handler, which answers it as it always has. */
  private static @Nullable Long schoolId(HttpServletRequest request) {
    if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)
            instanceof Map<?, ?> vars
        && vars.get("schoolId") instanceof String id
        && id.matches("\\d{1,18}")) {
      return Long.valueOf(id);
    }
    return null;
  }
}

package vn.truongso.gradebook.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.ModelAndViewDefiningException;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.truongso.enrolment.Classes;
import vn.truongso.gradebook.internal.BookLevels;
import vn.truongso.org.SchoolLevel;
import vn.truongso.platform.Navigation;

/**
 * Every grade-book page of a class (score sheets, class book, arrangements, approval steps,
 * exports) opened for a class whose level keeps no secondary book (a primary class, a kindergarten
 * group) answers one page saying the book of that level is not available yet, before any handler
 * runs: never the secondary columns, and a write is refused (409) with nothing written. One check
 * here, so a new page under these paths cannot forget it.
 */
@Component
class LevelGate implements HandlerInterceptor, WebMvcConfigurer {

  private static final String[] CLASS_PAGES = {
    "/schools/*/classes/*/scores/**", "/schools/*/classes/*/book", "/schools/*/classes/*/book/**"
  };

  private final BookLevels levels;
  private final Navigation navigation;

  LevelGate(BookLevels levels, Navigation navigation) {
    this.levels = levels;
    this.navigation = navigation;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns(CLASS_PAGES);
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws ModelAndViewDefiningException {
    Optional<Classes.SchoolClass> other = classWithoutBook(request);
    if (other.isEmpty()) {
      return true;
    }
    Classes.SchoolClass c = other.get();
    ModelAndView page = new ModelAndView("gradebook/not-for-level");
    page.addObject("schoolClass", c);
    page.addObject("level", SchoolLevel.ofGrade(c.grade()));
    // No controller runs, so the layout's model is added here.
    page.addObject("currentUser", Navigation.currentUser());
    page.addObject("nav", navigation.shown());
    page.addObject("refused", !reads(request));
    page.setStatus(reads(request) ? HttpStatus.OK : HttpStatus.CONFLICT);
    throw new ModelAndViewDefiningException(page);
  }

  /** The class the path names, when it is one of another level that the user may open. */
  private Optional<Classes.SchoolClass> classWithoutBook(HttpServletRequest request) {
    if (!(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)
        instanceof Map<?, ?> vars)) {
      return Optional.empty();
    }
    Long schoolId = id(vars.get("schoolId"));
    Long classId = id(vars.get("classId"));
    if (schoolId == null || classId == null) {
      return Optional.empty();
    }
    Object subject = vars.get("subject");
    return levels.withoutSecondaryBook(
        schoolId, classId, subject == null ? null : subject.toString());
  }

  /** A malformed id is left to the handler, which answers it as it always has. */
  private static Long id(Object value) {
    return value != null && value.toString().matches("\\d{1,18}")
        ? Long.valueOf(value.toString())
        : null;
  }

  private static boolean reads(HttpServletRequest request) {
    return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
  }
}

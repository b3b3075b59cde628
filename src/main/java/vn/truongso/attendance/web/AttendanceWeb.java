package vn.truongso.attendance.web;

import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.truongso.attendance.internal.AttendanceOverview;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.HomePanel;
import vn.truongso.platform.NavItem;

/** Navigation and the home panel of the attendance module. */
@Configuration(proxyBeanMethods = false)
class AttendanceWeb {

  @Bean
  NavItem attendanceNav() {
    return new NavItem("nav.attendance", "/attendance", Action.VIEW_ATTENDANCE, 22);
  }

  /** Today's roll: the homeroom teacher's classes to take, the leaders' classes not yet taken. */
  @Bean
  HomePanel attendancePanel(AttendanceOverview overview) {
    return new HomePanel() {
      @Override
      public int order() {
        return 25;
      }

      @Override
      public Optional<Content> content(AuthenticatedUser user) {
        AttendanceOverview.Today today = overview.today();
        return today.empty()
            ? Optional.empty()
            : Optional.of(new Content("attendance/panels", "today", today));
      }
    };
  }
}

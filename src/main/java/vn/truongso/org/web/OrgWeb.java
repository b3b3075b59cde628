package vn.truongso.org.web;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.truongso.org.Organisation;
import vn.truongso.org.School;
import vn.truongso.org.SchoolLevel;
import vn.truongso.platform.Action;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.HomePanel;
import vn.truongso.platform.NavItem;
import vn.truongso.platform.SchoolNames;
import vn.truongso.platform.SecondaryBookSchools;
import vn.truongso.platform.Target;

/** What the org module adds to the layout and the home page. */
@Configuration(proxyBeanMethods = false)
class OrgWeb {

  @Bean
  NavItem schoolsNav() {
    return new NavItem("nav.schools", "/schools", Action.VIEW_SCHOOL, 10);
  }

  @Bean
  SchoolNames schoolNames(Organisation org) {
    return new SchoolNames() {
      @Override
      public java.util.Map<Long, String> namesOf(Collection<Long> ids) {
        return org.schools(ids).stream().collect(Collectors.toMap(School::id, School::name));
      }

      @Override
      public java.util.Set<Long> everySchool() {
        return org.schoolIds();
      }
    };
  }

  /** The schools whose levels include lower or upper secondary, for the navigation. */
  @Bean
  SecondaryBookSchools secondaryBookSchools(Organisation org) {
    return ids ->
        org.schools(ids).stream()
            .filter(s -> s.levels().stream().anyMatch(SchoolLevel::keepsSecondaryBook))
            .map(School::id)
            .collect(Collectors.toSet());
  }

  /** Officers and administrators: the schools under their units. */
  @Bean
  HomePanel schoolsPanel(Organisation org, Authorization authorization) {
    return new HomePanel() {
      @Override
      public int order() {
        return 10;
      }

      @Override
      public Optional<Content> content(vn.truongso.platform.AuthenticatedUser user) {
        List<Target> units =
            authorization.scopesWhere(Action.VIEW_ORG_TREE).stream()
                .filter(t -> t.orgUnitId() != null)
                .toList();
        if (units.isEmpty()) {
          return Optional.empty();
        }
        List<School> schools = org.schools(authorization.schoolsWhere(Action.VIEW_SCHOOL));
        List<String> unitNames =
            units.stream().map(t -> org.unit(t.orgUnitId()).map(u -> u.name()).orElse("")).toList();
        return Optional.of(
            new Content("org/panels", "schools", Map.of("schools", schools, "units", unitNames)));
      }
    };
  }
}

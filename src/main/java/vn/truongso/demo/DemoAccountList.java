package vn.truongso.demo;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.truongso.identity.Role;
import vn.truongso.platform.DemoAccounts;

/** The demo accounts for the login page (the same list as README.md), while demo mode is on. */
@Component
class DemoAccountList implements DemoAccounts {

  private static final String THCS = "Trường THCS Đông Hải";
  private static final String KIM_DONG = "Trường Tiểu học Kim Đồng";
  private static final List<DemoAccount> ACCOUNTS =
      List.of(
          demo("quantri", Role.SYSTEM_ADMIN, "Bộ GD&ĐT"),
          demo("so.chuyenvien", Role.PROVINCE_OFFICER, "Sở GD&ĐT Hải Phòng"),
          demo("phuong.chuyenvien", Role.DISTRICT_OFFICER, "Phòng VH-XH phường Đông Hải"),
          demo("thcs.hieutruong", Role.PRINCIPAL, THCS),
          demo("thcs.phohieutruong", Role.VICE_PRINCIPAL, THCS),
          demo("thcs.quantri", Role.DATA_ADMIN, THCS),
          demo("thcs.totruong", Role.HEAD_OF_GROUP, THCS),
          demo("thcs.gvcn", Role.HOMEROOM_TEACHER, THCS),
          demo("thcs.gvbm", Role.SUBJECT_TEACHER, THCS),
          demo("thcs.vanthu", Role.CLERK, THCS),
          demo("thcs.ketoan", Role.ACCOUNTANT, THCS),
          demo("thcs.yte", Role.NURSE, THCS),
          demo("thcs.thuvien", Role.LIBRARIAN, THCS),
          demo("0912345678", Role.GUARDIAN, THCS),
          demo("thcs.hocsinh", Role.STUDENT, THCS),
          demo("th.hieutruong", Role.PRINCIPAL, KIM_DONG),
          demo("th.gv5", Role.HOMEROOM_TEACHER, KIM_DONG),
          demo("th.gvanh", Role.SUBJECT_TEACHER, KIM_DONG),
          demo("mn.hieutruong", Role.PRINCIPAL, "Trường Mầm non Hoa Phượng"),
          demo("mn.capduong", Role.COOK, "Trường Mầm non Hoa Phượng"),
          demo("mn.yte", Role.NURSE, "Trường Mầm non Hoa Phượng"),
          demo("0987654321", Role.GUARDIAN, "Trường Mầm non Hoa Phượng"));

  private final DemoSettings settings;

  DemoAccountList(DemoSettings settings) {
    this.settings = settings;
  }

  @Override
  public boolean enabled() {
    return settings.enabled();
  }

  @Override
  public List<DemoAccount> accounts() {
    return ACCOUNTS;
  }

  @Override
  public Optional<String> totpSecretFor(String username) {
    return ACCOUNTS.stream()
        .filter(a -> a.username().equalsIgnoreCase(username.strip()))
        .filter(a -> Role.valueOf(a.roleKey().substring("role.".length())).twoFactorRequired())
        .findFirst()
        .map(a -> DemoSettings.TOTP_SECRET);
  }

  @Override
  public Optional<String> signingPin() {
    return Optional.of(DemoSettings.SIGNING_PIN);
  }

  private static DemoAccount demo(String username, Role role, String unit) {
    return new DemoAccount(username, DemoSettings.PASSWORD, "role." + role.name(), unit);
  }
}

package vn.truongso.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.truongso.identity.internal.AccountAuthority;

/** Every pair of roles in {@code identity/account-authority.csv}: who may grant and manage whom. */
class AccountAuthorityTests {

  static List<String[]> table() throws IOException {
    try (InputStream in =
        AccountAuthorityTests.class.getResourceAsStream("/identity/account-authority.csv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.startsWith("#") && !l.isBlank())
          .map(l -> l.split(","))
          .toList();
    }
  }

  static Stream<Arguments> pairs() throws IOException {
    List<String[]> rows = table();
    String[] header = rows.getFirst();
    return rows.stream()
        .skip(1)
        .flatMap(
            row ->
                java.util.stream.IntStream.range(1, header.length)
                    .mapToObj(
                        i -> Arguments.of(Role.valueOf(row[0]), Role.valueOf(header[i]), row[i])));
  }

  @ParameterizedTest(name = "{0} → {1}: {2}")
  @MethodSource("pairs")
  void grantsAndManagesAsTheTableSays(Role actor, Role target, String cell) {
    assertThat(AccountAuthority.mayGrant(Set.of(actor), target)).isEqualTo(cell.contains("G"));
    assertThat(AccountAuthority.mayManage(Set.of(actor), Set.of(target)))
        .isEqualTo(cell.contains("M"));
  }

  @Test
  void theTableNamesEveryRoleOnceInEachDirection() throws IOException {
    List<String[]> rows = table();
    List<Role> columns = Arrays.stream(rows.getFirst()).skip(1).map(Role::valueOf).toList();
    List<Role> actors = rows.stream().skip(1).map(r -> Role.valueOf(r[0])).toList();
    assertThat(columns).containsExactly(Role.values());
    assertThat(actors).containsExactly(Role.values());
  }

  @Test
  void nobodyGrantsTheirOwnRole() {
    for (Role r : Role.values()) {
      assertThat(AccountAuthority.mayGrant(Set.of(r), r)).as(r.name()).isFalse();
    }
  }

  @Test
  void anAccountWithAnyRoleAboveTheActorIsOutOfReach() {
    // A teacher who is also the principal: the data administrator may not reset that account.
    assertThat(
            AccountAuthority.mayManage(
                Set.of(Role.DATA_ADMIN), Set.of(Role.SUBJECT_TEACHER, Role.PRINCIPAL)))
        .isFalse();
    assertThat(
            AccountAuthority.mayManage(
                Set.of(Role.DATA_ADMIN, Role.PRINCIPAL), Set.of(Role.SUBJECT_TEACHER)))
        .isTrue();
    assertThat(AccountAuthority.mayManage(Set.of(Role.CLERK), Set.of())).isFalse();
  }
}

package vn.truongso.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A stored flag's arguments come back with their types: the sentence formats a number, a decimal
 * and a text differently ("7,25" is not "7.25"), so the home page must read what the rules wrote.
 */
class AnomalyFlagArgsTests {

  @Test
  void argumentsComeBackWithTheirTypes() {
    List<Object> args = List.of("7A1", "Toán", 4, 20L, new BigDecimal("7.25"), "Nguyễn \"Văn\" An");
    List<Object> back = AnomalyFlags.args(AnomalyFlags.args(args));
    assertThat(back).containsExactlyElementsOf(args);
    assertThat(back.get(2)).isInstanceOf(Integer.class);
    assertThat(back.get(3)).isInstanceOf(Long.class);
    assertThat(((BigDecimal) back.get(4)).scale()).isEqualTo(2);
  }

  @Test
  void anArgumentOfAnotherTypeIsRefusedWhenStoredNotLostWhenRead() {
    assertThatThrownBy(() -> AnomalyFlags.args(List.of(LocalDate.of(2026, 11, 10))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

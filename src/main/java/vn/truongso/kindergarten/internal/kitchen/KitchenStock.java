package vn.truongso.kindergarten.internal.kitchen;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.kindergarten.internal.nutrition.Food;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.InvalidInput;
import vn.truongso.platform.UserInputException;

/**
 * The kitchen's store of dry goods (sổ nhập – xuất kho): receipts with their price, issues for the
 * day's portion sheet (one per food and day, replaced when the sheet is issued again), and each
 * food's balance. A negative balance is shown, not refused: a receipt may be recorded late.
 */
@Service
public class KitchenStock {

  public record Move(
      LocalDate day,
      String foodCode,
      String food,
      String kind,
      BigDecimal kg,
      @Nullable Integer pricePerKg,
      @Nullable String note) {}

  public record Balance(String foodCode, String food, BigDecimal in, BigDecimal out) {
    public BigDecimal kg() {
      return in.subtract(out);
    }
  }

  private final JdbcClient jdbc;
  private final Foods foods;
  private final KitchenSheets sheets;
  private final KitchenAccess access;
  private final AuditLog audit;
  private final Clock clock;

  KitchenStock(
      JdbcClient jdbc,
      Foods foods,
      KitchenSheets sheets,
      KitchenAccess access,
      AuditLog audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.foods = foods;
    this.sheets = sheets;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  /** Each food kept in the store or moved through it, with its balance. */
  @Transactional(readOnly = true)
  public List<Balance> balances(long schoolId) {
    access.require(schoolId);
    Map<String, Food> catalogue = foods.catalogue(schoolId);
    Map<String, BigDecimal[]> sums = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT food_code FROM kitchen_supply WHERE school_id = ? AND stocked ORDER BY food_code")
        .param(schoolId)
        .query(
            rs -> {
              sums.put(rs.getString(1), new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            });
    jdbc.sql(
            "SELECT food_code, kind, sum(kg) FROM kitchen_stock_move WHERE school_id = ?"
                + " GROUP BY food_code, kind")
        .param(schoolId)
        .query(
            rs -> {
              BigDecimal[] s =
                  sums.computeIfAbsent(
                      rs.getString(1), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
              s["IN".equals(rs.getString(2)) ? 0 : 1] = rs.getBigDecimal(3);
            });
    List<Balance> out = new ArrayList<>();
    sums.forEach(
        (code, s) -> {
          Food f = catalogue.get(code);
          out.add(new Balance(code, f == null ? code : f.name(), s[0], s[1]));
        });
    return out;
  }

  @Transactional(readOnly = true)
  public List<Move> moves(long schoolId, LocalDate from, LocalDate to) {
    access.require(schoolId);
    Map<String, Food> catalogue = foods.catalogue(schoolId);
    return jdbc.sql(
            "SELECT day, food_code, kind, kg, price_per_kg, note FROM kitchen_stock_move"
                + " WHERE school_id = ? AND day BETWEEN ? AND ? ORDER BY day DESC, id DESC")
        .params(schoolId, from, to)
        .query(
            (rs, n) -> {
              Food f = catalogue.get(rs.getString(2));
              return new Move(
                  rs.getObject(1, LocalDate.class),
                  rs.getString(2),
                  f == null ? rs.getString(2) : f.name(),
                  rs.getString(3),
                  rs.getBigDecimal(4),
                  rs.getObject(5, Integer.class),
                  rs.getString(6));
            })
        .list();
  }

  /** A receipt into the store (phiếu nhập kho). */
  @Transactional
  public void receive(
      AuthenticatedUser user,
      long schoolId,
      LocalDate day,
      String foodCode,
      String kg,
      String price,
      String note) {
    access.require(schoolId);
    InvalidInput.Collector errors = new InvalidInput.Collector();
    String code = foodCode == null ? "" : foodCode.strip();
    if (foods.food(schoolId, code).isEmpty()) {
      errors.add("foodCode", "kindergarten.dish.unknownFood", 1, code);
    }
    if (day.isAfter(LocalDate.now(clock))) {
      errors.add("day", "kindergarten.stock.future");
    }
    Foods.Amounts amounts = new Foods.Amounts(errors);
    double quantity = amounts.read("kg", kg, 10000, true);
    double perKg =
        amounts.read("price", price == null ? null : price.replace(".", ""), 10_000_000, false);
    if (!errors.has("kg") && quantity <= 0) {
      errors.add("kg", "kindergarten.amount.required");
    }
    String text = note == null || note.isBlank() ? null : note.strip();
    if (text != null && text.length() > 300) {
      errors.add("note", "profile.text.tooLong", 300);
    }
    errors.throwIfAny();
    Move move =
        new Move(
            day,
            code,
            code,
            "IN",
            BigDecimal.valueOf(quantity).setScale(3, RoundingMode.HALF_UP),
            (int) Math.round(perKg),
            text);
    insert(schoolId, move, user.accountId());
    audit.record(
        AuditEvent.of(schoolId, "kindergarten.kitchen.stock.in", "kitchen_stock_move", code)
            .after(move));
  }

  /**
   * Issues the day's dry goods from the store as the portion sheet computes them; issuing again
   * replaces the day's issues (the count changed after the roll).
   */
  @Transactional
  public int issue(AuthenticatedUser user, long schoolId, LocalDate day) {
    KitchenSheets.Sheet sheet = sheets.sheet(schoolId, day);
    if (sheet.issued().isEmpty()) {
      throw new UserInputException("day", "kindergarten.stock.nothingToIssue");
    }
    jdbc.sql("DELETE FROM kitchen_stock_move WHERE school_id = ? AND day = ? AND kind = 'OUT'")
        .params(schoolId, day)
        .update();
    List<Move> moves = new ArrayList<>();
    for (KitchenSheets.FoodLine l : sheet.issued()) {
      BigDecimal kg = BigDecimal.valueOf(l.grossKg()).setScale(3, RoundingMode.HALF_UP);
      if (kg.signum() > 0) {
        Move m = new Move(day, l.food().code(), l.food().name(), "OUT", kg, null, null);
        insert(schoolId, m, user.accountId());
        moves.add(m);
      }
    }
    audit.record(
        AuditEvent.of(schoolId, "kindergarten.kitchen.stock.out", "kitchen_stock_move", day)
            .after(moves));
    return moves.size();
  }

  void insert(long schoolId, Move m, long by) {
    jdbc.sql(
            """
            INSERT INTO kitchen_stock_move (school_id, day, food_code, kind, kg, price_per_kg,
              note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            schoolId,
            m.day(),
            m.foodCode(),
            m.kind(),
            m.kg(),
            m.pricePerKg(),
            m.note(),
            by,
            Timestamp.from(clock.instant()))
        .update();
  }
}

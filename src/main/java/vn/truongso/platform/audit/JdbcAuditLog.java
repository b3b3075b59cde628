package vn.truongso.platform.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.AuthenticatedUser;

/**
 * Writes the audit log as one SHA-256 hash chain per school. The chain head row is locked for the
 * rest of the writing transaction, so entries of one school are numbered without gaps and each
 * entry's hash covers the previous one.
 */
@Component
class JdbcAuditLog implements AuditLog {

  static final long SYSTEM_CHAIN = 0L;
  static final String GENESIS = "0".repeat(64);
  private static final int MAX_USER_AGENT = 300;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final AuditCheckpoints checkpoints;
  private final JsonMapper json =
      JsonMapper.builder()
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .build();

  /** With no checkpoints: a restore's check of a database other than the application's. */
  JdbcAuditLog(JdbcClient jdbc, Clock clock) {
    this(jdbc, clock, null);
  }

  @org.springframework.beans.factory.annotation.Autowired
  JdbcAuditLog(JdbcClient jdbc, Clock clock, AuditCheckpoints checkpoints) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.checkpoints = checkpoints;
  }

  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(AuditEvent event) {
    long chain = event.schoolId() == null ? SYSTEM_CHAIN : event.schoolId();
    Head head = lockHead(chain);
    if (head == null) {
      // The chain's first entry, or a head that was deleted: (re)create it from the chain's last
      // entry, so that a missing head never turns every audited action into an error (a concurrent
      // first writer may win; then lock). verify() reports the deletion while it is missing.
      Head last =
          jdbc.sql("SELECT seq, hash FROM audit_log WHERE school_id = ? ORDER BY seq DESC LIMIT 1")
              .param(chain)
              .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
              .optional()
              .orElse(new Head(0, GENESIS));
      jdbc.sql(
              "INSERT INTO audit_chain_head (school_id, last_seq, last_hash) VALUES (?, ?, ?)"
                  + " ON CONFLICT (school_id) DO NOTHING")
          .params(chain, last.seq(), last.hash())
          .update();
      head = lockHead(chain);
    }

    Actor actor = currentActor();
    // timestamptz keeps microseconds; hash what the database will give back.
    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Entry entry =
        new Entry(
            chain,
            head.seq() + 1,
            at,
            actor.id(),
            actor.name(),
            actor.role(),
            event.action(),
            event.entityType(),
            event.entityId(),
            toJson(event.before()),
            toJson(event.after()),
            event.reason(),
            actor.ip(),
            actor.userAgent());
    String hash = ChainHash.of(head.hash(), entry);

    jdbc.sql(
            """
            INSERT INTO audit_log (school_id, seq, at, actor_id, actor_name, actor_role, action,
              entity_type, entity_id, before_state, after_state, reason, ip, user_agent, prev_hash, hash)
            VALUES (:school, :seq, :at, :actorId, :actorName, :actorRole, :action, :entityType,
              :entityId, :before, :after, :reason, :ip, :ua, :prev, :hash)
            """)
        .param("school", entry.schoolId())
        .param("seq", entry.seq())
        .param("at", at.atOffset(java.time.ZoneOffset.UTC))
        .param("actorId", entry.actorId())
        .param("actorName", entry.actorName())
        .param("actorRole", entry.actorRole())
        .param("action", entry.action())
        .param("entityType", entry.entityType())
        .param("entityId", entry.entityId())
        .param("before", entry.before())
        .param("after", entry.after())
        .param("reason", entry.reason())
        .param("ip", entry.ip())
        .param("ua", entry.userAgent())
        .param("prev", head.hash())
        .param("hash", hash)
        .update();
    jdbc.sql("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE school_id = ?")
        .params(entry.seq(), hash, chain)
        .update();
    if (checkpoints != null) {
      checkpoints.entryWritten(chain, entry.seq(), hash);
    }
  }

  @Override
  @Transactional(readOnly = true)
  public Verification verify(Long schoolId) {
    List<AuditCheckpoints.Checkpoint> lines = checkpoints == null ? List.of() : checkpoints.read();
    for (AuditCheckpoints.Checkpoint c : lines) {
      if (!c.authentic() && (schoolId == null || c.chain() == schoolId || c.chain() < 0)) {
        return new Verification(
            0,
            Optional.of(
                new Broken(
                    Math.max(c.chain(), 0),
                    c.seq(),
                    "a checkpoint outside the database was altered or forged")));
      }
    }
    java.util.Map<Long, List<AuditCheckpoints.Checkpoint>> anchors =
        lines.stream()
            .collect(java.util.stream.Collectors.groupingBy(AuditCheckpoints.Checkpoint::chain));
    java.util.SortedSet<Long> chains = new java.util.TreeSet<>();
    if (schoolId == null) {
      // Every school, every chain with entries or checkpoints, not only the heads: a deleted
      // head or a whole chain deleted is a finding, never a chain skipped.
      chains.addAll(
          jdbc.sql(
                  """
                  SELECT id FROM school UNION SELECT school_id FROM audit_chain_head
                  UNION SELECT DISTINCT school_id FROM audit_log
                  """)
              .query(Long.class)
              .list());
      chains.addAll(anchors.keySet());
    } else {
      chains.add(schoolId);
    }
    long checked = 0;
    for (long chain : chains) {
      ChainCheck check = new ChainCheck(chain, anchors.getOrDefault(chain, List.of()));
      jdbc.sql(
              """
              SELECT school_id, seq, at, actor_id, actor_name, actor_role, action, entity_type,
                     entity_id, before_state, after_state, reason, ip, user_agent, prev_hash, hash
              FROM audit_log WHERE school_id = ? ORDER BY seq
              """)
          .param(chain)
          .query(
              rs -> {
                check.accept(mapEntry(rs), rs.getString("prev_hash"), rs.getString("hash"));
              });
      checked += check.count();
      if (check.broken().isEmpty()) {
        check.compareHead(
            jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE school_id = ?")
                .param(chain)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .optional());
      }
      if (check.broken().isPresent()) {
        return new Verification(checked, check.broken());
      }
    }
    return new Verification(checked, Optional.empty());
  }

  @Override
  @Transactional(readOnly = true)
  public List<Entry> find(Query q) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT school_id, seq, at, actor_id, actor_name, actor_role, action, entity_type,"
                + " entity_id, before_state, after_state, reason, ip, user_agent FROM audit_log"
                + " WHERE school_id = ANY(:schools)");
    List<Long> schools = new ArrayList<>(q.schoolIds());
    if (q.actorName() != null) {
      sql.append(" AND actor_name ILIKE :actor");
    }
    if (q.action() != null) {
      sql.append(" AND action = :action");
    }
    if (q.entityType() != null) {
      sql.append(" AND entity_type = :entityType");
    }
    if (q.from() != null) {
      sql.append(" AND at >= :from");
    }
    if (q.to() != null) {
      sql.append(" AND at < :to");
    }
    sql.append(" ORDER BY at DESC, school_id, seq DESC LIMIT :limit OFFSET :offset");
    var spec =
        jdbc.sql(sql.toString())
            .param("schools", schools.toArray(Long[]::new))
            .param("limit", q.limit())
            .param("offset", q.offset());
    if (q.actorName() != null) {
      spec = spec.param("actor", "%" + q.actorName().replace("%", "\\%") + "%");
    }
    if (q.action() != null) {
      spec = spec.param("action", q.action());
    }
    if (q.entityType() != null) {
      spec = spec.param("entityType", q.entityType());
    }
    if (q.from() != null) {
      spec = spec.param("from", q.from().atOffset(java.time.ZoneOffset.UTC));
    }
    if (q.to() != null) {
      spec = spec.param("to", q.to().atOffset(java.time.ZoneOffset.UTC));
    }
    return spec.query((rs, n) -> mapEntry(rs)).list();
  }

  private static Entry mapEntry(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Entry(
        rs.getLong("school_id"),
        rs.getLong("seq"),
        rs.getObject("at", java.time.OffsetDateTime.class).toInstant(),
        rs.getObject("actor_id", Long.class),
        rs.getString("actor_name"),
        rs.getString("actor_role"),
        rs.getString("action"),
        rs.getString("entity_type"),
        rs.getString("entity_id"),
        rs.getString("before_state"),
        rs.getString("after_state"),
        rs.getString("reason"),
        rs.getString("ip"),
        rs.getString("user_agent"));
  }

  private String toJson(Object state) {
    if (state == null) {
      return null;
    }
    return json.writeValueAsString(state);
  }

  private static Actor currentActor() {
    Long id = null;
    String name = "system";
    String role = null;
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof AuthenticatedUser user) {
      id = user.accountId();
      name = user.username();
      role = user.roleSummary();
    }
    String ip = null;
    String userAgent = null;
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
      HttpServletRequest request = attrs.getRequest();
      ip = request.getRemoteAddr();
      userAgent = request.getHeader("User-Agent");
      if (userAgent != null && userAgent.length() > MAX_USER_AGENT) {
        userAgent = userAgent.substring(0, MAX_USER_AGENT);
      }
    }
    return new Actor(id, name, role, ip, userAgent);
  }

  private Head lockHead(long chain) {
    return jdbc.sql(
            "SELECT last_seq, last_hash FROM audit_chain_head WHERE school_id = ? FOR UPDATE")
        .param(chain)
        .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
        .optional()
        .orElse(null);
  }

  record Head(long seq, String hash) {}

  private record Actor(Long id, String name, String role, String ip, String userAgent) {}

  /** The canonical content of an entry and its SHA-256 over the previous entry's hash. */
  static final class ChainHash {
    private static final char SEP = '\u001f';
    private static final String NULL = "\u0000";

    private ChainHash() {}

    static String of(String prevHash, Entry e) {
      StringBuilder s = new StringBuilder(256);
      append(s, prevHash);
      append(s, Long.toString(e.schoolId()));
      append(s, Long.toString(e.seq()));
      append(s, e.at().toString());
      append(s, e.actorId() == null ? null : e.actorId().toString());
      append(s, e.actorName());
      append(s, e.actorRole());
      append(s, e.action());
      append(s, e.entityType());
      append(s, e.entityId());
      append(s, e.before());
      append(s, e.after());
      append(s, e.reason());
      append(s, e.ip());
      append(s, e.userAgent());
      try {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        return HexFormat.of().formatHex(sha.digest(s.toString().getBytes(StandardCharsets.UTF_8)));
      } catch (NoSuchAlgorithmException e1) {
        throw new IllegalStateException(e1);
      }
    }

    private static void append(StringBuilder s, String value) {
      s.append(value == null ? NULL : value).append(SEP);
    }
  }
}

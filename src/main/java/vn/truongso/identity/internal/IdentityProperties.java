package vn.truongso.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.truongso.identity.*;

/**
 * Login settings.
 *
 * @param passwordMaxAge after this the user must choose a new password (0 = never)
 * @param maxFailedAttempts wrong passwords or codes in a row before the account locks
 * @param lockDuration how long it stays locked
 * @param ipFailureLimit failed logins from one address within {@code ipWindow} before that address
 *     is refused
 * @param apiTokenLifetime how long a bearer token for the API is valid
 * @param secretKeyFile AES key that seals TOTP secrets; created on first start
 */
@ConfigurationProperties("truongso.identity")
public record IdentityProperties(
    Duration passwordMaxAge,
    int maxFailedAttempts,
    Duration lockDuration,
    int ipFailureLimit,
    Duration ipWindow,
    Duration apiTokenLifetime,
    String secretKeyFile) {}

package vn.truongso.messaging.internal.channel;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import vn.truongso.messaging.internal.MessageRules;
import vn.truongso.messaging.internal.MessagingProperties;

/**
 * E-mail over SMTP (Jakarta Mail through Spring Boot): on once {@code spring.mail.host} is set. A
 * server that cannot be reached is tried again later; an address it refuses is not.
 */
@Component
class EmailChannel implements Channel {

  private final ObjectProvider<JavaMailSender> sender;
  private final MessagingProperties properties;

  EmailChannel(ObjectProvider<JavaMailSender> sender, MessagingProperties properties) {
    this.sender = sender;
    this.properties = properties;
  }

  @Override
  public MessageRules.Channel kind() {
    return MessageRules.Channel.EMAIL;
  }

  @Override
  public boolean enabled() {
    // an empty TRUONGSO_MAIL_HOST still makes Boot's sender: it is no server
    return sender.getIfAvailable() instanceof JavaMailSenderImpl impl
        && impl.getHost() != null
        && !impl.getHost().isBlank();
  }

  @Override
  public Outcome send(Envelope e) {
    JavaMailSender mail = sender.getIfAvailable();
    if (mail == null) {
      return new Outcome.Retry("mail not configured");
    }
    try {
      MimeMessage m = mail.createMimeMessage();
      MimeMessageHelper h = new MimeMessageHelper(m, e.attachment() != null, "UTF-8");
      h.setFrom(properties.mailFrom());
      h.setTo(e.address());
      h.setSubject(e.title());
      h.setText(e.body() + "\n\n" + e.link());
      if (e.attachment() != null) {
        h.addAttachment(
            e.attachment().name(),
            new ByteArrayResource(e.attachment().content()),
            e.attachment().mediaType());
      }
      mail.send(m);
      return new Outcome.Sent();
    } catch (MessagingException | MailParseException | MailPreparationException ex) {
      return new Outcome.Failed(String.valueOf(ex.getMessage()));
    } catch (MailAuthenticationException ex) {
      return new Outcome.Retry("authentication: " + ex.getMessage());
    } catch (MailException ex) {
      return new Outcome.Retry(String.valueOf(ex.getMessage()));
    }
  }
}

package vn.truongso;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import vn.truongso.platform.CommandLine;

/** TruongSo: one Spring Boot application whose direct sub-packages are its modules. */
@SpringBootApplication
@org.springframework.boot.context.properties.ConfigurationPropertiesScan
public class TruongSoApplication {

  public static void main(String[] args) {
    int exitCode = CommandLine.run(TruongSoApplication.class, args);
    if (exitCode != CommandLine.KEEP_SERVING) {
      System.exit(exitCode);
    }
  }
}

package vn.truongso.modularity.named;

/**
 * A tiny application like TruongSo's grade book and its correction door: {@code book} exposes
 * {@code book :: writes}; {@code fixer} names it and may use it, {@code reader} names only {@code
 * book} and uses it anyway (the planted violation).
 */
@org.springframework.boot.autoconfigure.SpringBootApplication
public class NamedApplication {}

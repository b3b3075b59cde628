package vn.truongso.records.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import vn.truongso.enrolment.Classes;
import vn.truongso.org.Organisation;
import vn.truongso.platform.Formats;
import vn.truongso.platform.Pdf;
import vn.truongso.platform.UserInputException;

/**
 * The documents of an issued copy: the copy itself — the học bạ's cover and identity pages and
 * every year the school holds, with "BẢN SAO" stamped on the cover and the copy's number and date
 * at the foot of every page (DH-SD) — and the minutes of the issue, with the scanned application
 * attached. Both are PDF/A-3b; the copy keeps each year's học bạ số XML inside it.
 */
@Component
class HocBaCopyPrint {

  private static final Locale VI = Locale.forLanguageTag("vi");

  private final HocBaCover cover;
  private final HocBaRecords records;
  private final HocBaPrint print;
  private final Classes classes;
  private final Organisation org;
  private final ITemplateEngine templates;
  private final Pdf pdf;
  private final Formats formats;
  private final MessageSource messages;

  HocBaCopyPrint(
      HocBaCover cover,
      HocBaRecords records,
      HocBaPrint print,
      Classes classes,
      Organisation org,
      ITemplateEngine templates,
      Pdf pdf,
      Formats formats,
      MessageSource messages) {
    this.cover = cover;
    this.records = records;
    this.print = print;
    this.classes = classes;
    this.org = org;
    this.templates = templates;
    this.pdf = pdf;
    this.formats = formats;
    this.messages = messages;
  }

  /** The years the copy holds, as the minutes list them. */
  record Years(List<StudentYearRecord> years, List<Long> classIds) {}

  Years years(long schoolId, long studentId) {
    Set<Long> classIds = new LinkedHashSet<>();
    classes.history(schoolId, studentId).forEach(m -> classIds.add(m.classId()));
    List<StudentYearRecord> years = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    for (long classId : classIds) {
      try {
        StudentYearRecord r = records.ofClass(schoolId, classId).records().get(studentId);
        if (r != null) {
          years.add(r);
          ids.add(classId);
        }
      } catch (UserInputException notApproved) {
        // a year not approved yet has no page in the học bạ
      }
    }
    return new Years(years, ids);
  }

  byte[] copy(long schoolId, HocBaCopies.Row row, Years years) {
    long studentId = row.student().id();
    if (years.classIds().isEmpty()) {
      throw new UserInputException("state", "records.copy.noYears");
    }
    long lastClass = years.classIds().get(years.classIds().size() - 1);
    try (PDDocument doc = Loader.loadPDF(cover.pdf(schoolId, lastClass, studentId).body())) {
      PDFMergerUtility merger = new PDFMergerUtility();
      for (StudentYearRecord y : years.years()) {
        try (PDDocument page = Loader.loadPDF(print.pdf(y))) {
          merger.appendDocument(doc, page);
        }
      }
      associateEmbeddedFiles(doc);
      stamp(doc, row);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  byte[] minutes(long schoolId, HocBaCopies.Row row, Years years, byte[] application) {
    CopyRequests.Request r = row.request();
    Context context = new Context(VI);
    context.setVariable("school", org.school(schoolId).orElseThrow());
    context.setVariable("r", r);
    context.setVariable("student", row.student());
    context.setVariable("years", years.years());
    context.setVariable("issuedOn", day(r.issuedAt()));
    context.setVariable("receivedOn", formats.date(r.receivedOn()));
    context.setVariable("birthDate", formats.date(row.student().birthDate()));
    context.setVariable("decidedAt", formats.dateTime(r.decidedAt()));
    byte[] body = pdf.fromXhtml(templates.process("records/hocba-copy-minutes", context));
    if (application.length == 0 || r.applicationType() == null || r.issuedAt() == null) {
      return body;
    }
    String ext =
        r.applicationType().equals("application/pdf") ? "pdf" : r.applicationType().substring(6);
    return pdf.attach(
        body,
        "don-de-nghi." + ext,
        r.applicationType(),
        application,
        "don de nghi cap ban sao hoc ba",
        "Supplement",
        r.issuedAt());
  }

  /**
   * PDF/A-3 art. 6.8: every embedded file is an associated file of the document. Merging keeps the
   * years' XML files but only the first year's association: list them all.
   */
  private static void associateEmbeddedFiles(PDDocument doc) throws IOException {
    PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
    PDEmbeddedFilesNameTreeNode tree = names == null ? null : names.getEmbeddedFiles();
    if (tree == null) {
      return;
    }
    COSArray associated = new COSArray();
    var files = tree.getNames();
    if (files != null) {
      files.values().forEach(associated::add);
    }
    if (tree.getKids() != null) {
      for (var kid : tree.getKids()) {
        if (kid.getNames() != null) {
          for (PDComplexFileSpecification f : kid.getNames().values()) {
            associated.add(f);
          }
        }
      }
    }
    doc.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("AF"), associated);
  }

  private void stamp(PDDocument doc, HocBaCopies.Row row) throws IOException {
    CopyRequests.Request r = row.request();
    String date = day(r.issuedAt());
    String footer =
        messages.getMessage(
            "records.copy.footer", new Object[] {r.number() + "/" + r.numberYear(), date}, VI);
    String mark = messages.getMessage("records.copy.stamp", null, VI);
    PDType0Font bold = font(doc, "Tinos-Bold.ttf");
    PDType0Font regular = font(doc, "Tinos-Regular.ttf");
    for (int i = 0; i < doc.getNumberOfPages(); i++) {
      PDPage page = doc.getPage(i);
      PDRectangle box = page.getMediaBox();
      try (PDPageContentStream s =
          new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
        s.beginText();
        s.setFont(regular, 8);
        s.newLineAtOffset(56, 18);
        s.showText(footer);
        s.endText();
        if (i == 0) {
          float width = bold.getStringWidth(mark) / 1000 * 28 + 24;
          float x = box.getWidth() - width - 56;
          float y = box.getHeight() - 90;
          s.setStrokingColor(0.75f, 0f, 0f);
          s.setNonStrokingColor(0.75f, 0f, 0f);
          s.setLineWidth(2);
          s.addRect(x, y, width, 40);
          s.stroke();
          s.beginText();
          s.setFont(bold, 28);
          s.newLineAtOffset(x + 12, y + 11);
          s.showText(mark);
          s.endText();
        }
      }
    }
  }

  private String day(java.time.@org.jspecify.annotations.Nullable Instant at) {
    return formats.date(at == null ? null : at.atZone(Formats.VIETNAM).toLocalDate());
  }

  private static PDType0Font font(PDDocument doc, String file) throws IOException {
    try (InputStream in = new ClassPathResource("fonts/" + file).getInputStream()) {
      return PDType0Font.load(doc, in, true);
    }
  }
}

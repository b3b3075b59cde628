package vn.truongso.platform.xlsx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import vn.truongso.platform.UserInputException;

/**
 * The rows of a workbook's first sheet as text, read as a stream so that a sheet of a hundred
 * thousand rows is refused after the limit instead of filling the memory. Refused with a message
 * key (and the cell): not a file at all, an old .xls, not .xlsx, a formula, merged cells, too many
 * rows. Dates come back as {@code dd/MM/yyyy}; numbers in plain notation, so a 12-digit ID typed as
 * a number is not turned into {@code 1.2E+11}.
 */
public final class XlsxRows {

  /** One non-empty row: its number as Excel shows it and its cells by column (0 = A). */
  public record Row(int number, List<String> cells) {
    public String cell(int column) {
      return column >= 0 && column < cells.size() ? cells.get(column) : "";
    }
  }

  private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
  private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private XlsxRows() {}

  /** The cell's name as Excel shows it: column 3, row 7 is "D7". */
  public static String cellName(int column, int rowNumber) {
    return CellReference.convertNumToColString(column) + rowNumber;
  }

  /**
   * Reads the first sheet; at most {@code maxRows} non-empty rows (the header counts as one).
   *
   * @throws UserInputException with a key of the platform bundle ({@code xlsx.*})
   */
  public static List<Row> read(byte[] file, int maxRows) {
    if (file == null || file.length == 0) {
      throw new UserInputException("file", "xlsx.empty");
    }
    if (startsWith(file, OLE2)) {
      throw new UserInputException("file", "xlsx.oldFormat");
    }
    if (!startsWith(file, ZIP)) {
      throw new UserInputException("file", "xlsx.notXlsx");
    }
    try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(file))) {
      XSSFReader reader = new XSSFReader(pkg);
      SharedStrings strings = reader.getSharedStringsTable();
      StylesTable styles = reader.getStylesTable();
      var sheets = reader.getSheetsData();
      if (!sheets.hasNext()) {
        throw new UserInputException("file", "xlsx.noSheet");
      }
      try (InputStream sheet = sheets.next()) {
        return parse(sheet, strings, styles, maxRows);
      }
    } catch (UserInputException e) {
      throw e;
    } catch (IOException | OpenXML4JException | XMLStreamException | RuntimeException e) {
      // Broken zips, spreadsheets from other programs, an encrypted workbook: none is readable.
      throw new UserInputException("file", "xlsx.notXlsx");
    }
  }

  private static List<Row> parse(
      InputStream sheet, SharedStrings strings, StylesTable styles, int maxRows)
      throws XMLStreamException {
    XMLStreamReader xml = withoutExternalEntities().createXMLStreamReader(sheet);
    SheetRows sheetRows = new SheetRows(strings, styles, maxRows);
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        sheetRows.start(xml);
      } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
        sheetRows.characters(xml);
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        sheetRows.end(xml.getLocalName());
      }
    }
    return sheetRows.rows;
  }

  /** An uploaded sheet must not make the server read a DTD or another file. */
  private static XMLInputFactory withoutExternalEntities() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return factory;
  }

  /** What the stream has told so far: the rows kept, the row and the cell being read. */
  private static final class SheetRows {
    private final SharedStrings strings;
    private final StylesTable styles;
    private final int maxRows;
    private final List<Row> rows = new ArrayList<>();
    private final StringBuilder value = new StringBuilder();
    private List<String> cells;
    private int rowNumber;
    private String ref;
    private String type;
    private String style;
    private boolean inValue;
    private int rowElements;

    SheetRows(SharedStrings strings, StylesTable styles, int maxRows) {
      this.strings = strings;
      this.styles = styles;
      this.maxRows = maxRows;
    }

    void start(XMLStreamReader xml) {
      switch (xml.getLocalName()) {
        case "row" -> startRow(xml.getAttributeValue(null, "r"));
        case "c" -> {
          ref = xml.getAttributeValue(null, "r");
          type = xml.getAttributeValue(null, "t");
          style = xml.getAttributeValue(null, "s");
          value.setLength(0);
        }
        case "f" ->
            throw new UserInputException(
                "file", "xlsx.formula", ref == null ? "?" : ref.toUpperCase());
        case "v", "t" -> inValue = true;
        case "mergeCell" ->
            throw new UserInputException("file", "xlsx.merged", xml.getAttributeValue(null, "ref"));
        default -> {}
      }
    }

    void characters(XMLStreamReader xml) {
      if (inValue) {
        value.append(xml.getText());
      }
    }

    void end(String element) {
      switch (element) {
        case "v", "t" -> inValue = false;
        case "c" -> endCell();
        case "row" -> endRow();
        default -> {}
      }
    }

    private void startRow(String r) {
      // Formatted but empty rows do not count, yet a sheet of a million of them is refused.
      if (++rowElements > maxRows * 20) {
        throw new UserInputException("file", "xlsx.tooManyRows", maxRows - 1);
      }
      rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
      cells = new ArrayList<>();
    }

    private void endCell() {
      if (cells != null) {
        int column = ref == null ? cells.size() : new CellReference(ref).getCol();
        while (cells.size() <= column) {
          cells.add("");
        }
        cells.set(column, text(type, style, value.toString(), strings, styles));
      }
    }

    private void endRow() {
      if (cells != null && cells.stream().anyMatch(c -> !c.isBlank())) {
        if (rows.size() >= maxRows) {
          throw new UserInputException("file", "xlsx.tooManyRows", maxRows - 1);
        }
        rows.add(new Row(rowNumber, List.copyOf(cells)));
      }
      cells = null;
    }
  }

  private static String text(
      String type, String style, String raw, SharedStrings strings, StylesTable styles) {
    if (type == null || type.equals("n")) {
      if (raw.isBlank()) {
        return "";
      }
      if (isDate(style, styles)) {
        return DateUtil.getLocalDateTime(Double.parseDouble(raw)).toLocalDate().format(DAY);
      }
      return new BigDecimal(raw).stripTrailingZeros().toPlainString();
    }
    return switch (type) {
      case "s" -> strings.getItemAt(Integer.parseInt(raw.strip())).getString().strip();
      case "b" -> raw.equals("1") ? "TRUE" : "FALSE";
      case "e" -> "";
      default -> raw.strip(); // inlineStr, str
    };
  }

  private static boolean isDate(String style, StylesTable styles) {
    if (style == null || styles == null) {
      return false;
    }
    XSSFCellStyle xf = styles.getStyleAt(Integer.parseInt(style));
    if (xf == null) {
      return false;
    }
    short format = xf.getDataFormat();
    String pattern = xf.getDataFormatString();
    if (pattern == null) {
      pattern = BuiltinFormats.getBuiltinFormat(format);
    }
    return pattern != null && DateUtil.isADateFormat(format, pattern);
  }

  private static boolean startsWith(byte[] file, byte[] magic) {
    if (file.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (file[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }
}

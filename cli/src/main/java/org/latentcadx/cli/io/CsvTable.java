package org.latentcadx.cli.io;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV table of strings (a header row, {@code \n} line ends, values quoted only when RFC 4180 requires
 * it: a comma, quote or line break inside), written as bytes.
 */
public final class CsvTable {

  private static final CsvMapper MAPPER =
      new CsvMapper().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);

  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  public CsvTable(List<String> header) {
    this.header = List.copyOf(header);
  }

  /** Appends a row; it must have one value per header column. */
  public CsvTable add(List<String> row) {
    if (row.size() != header.size()) {
      throw new IllegalArgumentException(
          "row has " + row.size() + " values, the header " + header.size() + ": " + row);
    }
    rows.add(List.copyOf(row));
    return this;
  }

  /** The table's bytes in UTF-8. */
  public byte[] toBytes() throws IOException {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    header.forEach(schema::addColumn);
    return MAPPER.writer(schema.build()).writeValueAsBytes(rows);
  }
}

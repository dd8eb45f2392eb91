package org.latentcadx.cli.io;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A CSV table of strings (RFC 4180 quoting, {@code \n} line ends, a header row), written as bytes. */
public final class CsvTable {

  private static final CsvMapper MAPPER = new CsvMapper();

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

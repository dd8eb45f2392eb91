package org.latentcadx.cli.serve;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ProtocolException;

/**
 * One protocol data unit of the DICOM upper layer (PS3.8 §9.3): a type byte, a reserved byte, a
 * 32-bit big-endian length and the body.
 */
record Pdu(int type, byte[] body) {

  static final int ASSOCIATE_RQ = 0x01;
  static final int ASSOCIATE_AC = 0x02;
  static final int ASSOCIATE_RJ = 0x03;
  static final int P_DATA_TF = 0x04;
  static final int RELEASE_RQ = 0x05;
  static final int RELEASE_RP = 0x06;
  static final int ABORT = 0x07;

  /**
   * Reads the next PDU.
   *
   * @throws EOFException when the peer closed the connection before a PDU started
   * @throws ProtocolException when the PDU announces more than {@code maxLength} bytes
   */
  static Pdu read(DataInputStream in, int maxLength) throws IOException {
    int type = in.read();
    if (type < 0) {
      throw new EOFException("connection closed");
    }
    in.readUnsignedByte();
    long length = Integer.toUnsignedLong(in.readInt());
    if (length > maxLength) {
      throw new ProtocolException(
          "PDU of type " + type + " announces " + length + " bytes; at most " + maxLength + " are accepted");
    }
    byte[] body = new byte[(int) length];
    in.readFully(body);
    return new Pdu(type, body);
  }

  /** Writes this PDU and flushes. */
  void write(OutputStream out) throws IOException {
    byte[] header = {
      (byte) type, 0,
      (byte) (body.length >>> 24), (byte) (body.length >>> 16), (byte) (body.length >>> 8), (byte) body.length
    };
    out.write(header);
    out.write(body);
    out.flush();
  }

  /** A-RELEASE-RP. */
  static Pdu releaseResponse() {
    return new Pdu(RELEASE_RP, new byte[4]);
  }

  /** A-ABORT from the service provider (source 2) with {@code reason} (0: not specified). */
  static Pdu abort(int reason) {
    return new Pdu(ABORT, new byte[] {0, 0, 2, (byte) reason});
  }

  /** A-ASSOCIATE-RJ: {@code result} 1 permanent / 2 transient, {@code source}, {@code reason}. */
  static Pdu reject(int result, int source, int reason) {
    return new Pdu(ASSOCIATE_RJ, new byte[] {0, (byte) result, (byte) source, (byte) reason});
  }
}

package org.latentcadx.cli.serve;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Encodes an A-ASSOCIATE-AC (PS3.8 §9.3.3) answering a request. */
final class AssociationAccept {

  /** Result of one presentation context: 0 acceptance, 3 abstract syntax / 4 transfer syntaxes not supported. */
  record ContextResult(int id, int result, String transferSyntax) {
    static final int ACCEPTANCE = 0;
    static final int ABSTRACT_SYNTAX_NOT_SUPPORTED = 3;
    static final int TRANSFER_SYNTAXES_NOT_SUPPORTED = 4;
  }

  private static final String APPLICATION_CONTEXT = "1.2.840.10008.3.1.1.1";
  // A fixed UID under the UUID-derived root 2.25 (PS3.5 B.2): no registered root is needed.
  static final String IMPLEMENTATION_CLASS_UID = "2.25.318513198015607796962477295555886897829";
  static final String IMPLEMENTATION_VERSION = "LATENTCADX_01";

  private AssociationAccept() {}

  static Pdu encode(AssociationRequest request, List<ContextResult> results, int ourMaxPduLength) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeShort(1);
      out.writeShort(0);
      out.write(aeTitle(request.calledAeTitle()));
      out.write(aeTitle(request.callingAeTitle()));
      out.write(new byte[32]);
      item(out, 0x10, ascii(APPLICATION_CONTEXT));
      for (ContextResult result : results) {
        ByteArrayOutputStream context = new ByteArrayOutputStream();
        DataOutputStream contextOut = new DataOutputStream(context);
        contextOut.write(new byte[] {(byte) result.id(), 0, (byte) result.result(), 0});
        item(contextOut, 0x40, ascii(result.transferSyntax()));
        item(out, 0x21, context.toByteArray());
      }
      ByteArrayOutputStream user = new ByteArrayOutputStream();
      DataOutputStream userOut = new DataOutputStream(user);
      item(userOut, 0x51, new byte[] {
        (byte) (ourMaxPduLength >>> 24), (byte) (ourMaxPduLength >>> 16),
        (byte) (ourMaxPduLength >>> 8), (byte) ourMaxPduLength});
      item(userOut, 0x52, ascii(IMPLEMENTATION_CLASS_UID));
      item(userOut, 0x55, ascii(IMPLEMENTATION_VERSION));
      item(out, 0x50, user.toByteArray());
      return new Pdu(Pdu.ASSOCIATE_AC, bytes.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // writes to memory do not fail
    }
  }

  private static void item(DataOutputStream out, int type, byte[] value) throws IOException {
    out.writeByte(type);
    out.writeByte(0);
    out.writeShort(value.length);
    out.write(value);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** An AE title as 16 space-padded bytes. */
  private static byte[] aeTitle(String title) {
    byte[] padded = "                ".getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = ascii(title);
    System.arraycopy(bytes, 0, padded, 0, Math.min(bytes.length, padded.length));
    return padded;
  }
}

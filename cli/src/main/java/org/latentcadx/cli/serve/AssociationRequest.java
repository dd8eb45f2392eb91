package org.latentcadx.cli.serve;

import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed A-ASSOCIATE-RQ (PS3.8 §9.3.2): the AE titles, the proposed presentation contexts and the
 * largest P-DATA PDU the requestor accepts.
 */
record AssociationRequest(
    int protocolVersion,
    String calledAeTitle,
    String callingAeTitle,
    List<PresentationContext> presentationContexts,
    int peerMaxPduLength) {

  /** A proposed presentation context: its ID, abstract syntax and transfer syntaxes, in order. */
  record PresentationContext(int id, String abstractSyntax, List<String> transferSyntaxes) {}

  private static final int AE_TITLE_LENGTH = 16;
  private static final int ITEM_APPLICATION_CONTEXT = 0x10;
  private static final int ITEM_PRESENTATION_CONTEXT = 0x20;
  private static final int ITEM_USER_INFORMATION = 0x50;
  private static final int SUBITEM_ABSTRACT_SYNTAX = 0x30;
  private static final int SUBITEM_TRANSFER_SYNTAX = 0x40;
  private static final int SUBITEM_MAXIMUM_LENGTH = 0x51;

  /** Parses the body of an A-ASSOCIATE-RQ PDU. */
  static AssociationRequest parse(byte[] body) throws ProtocolException {
    try {
      ByteBuffer in = ByteBuffer.wrap(body);
      int version = Short.toUnsignedInt(in.getShort());
      in.getShort();
      String called = text(in, AE_TITLE_LENGTH);
      String calling = text(in, AE_TITLE_LENGTH);
      in.position(in.position() + 32);
      List<PresentationContext> contexts = new ArrayList<>();
      int maxPdu = 0;
      while (in.hasRemaining()) {
        int type = Byte.toUnsignedInt(in.get());
        in.get();
        ByteBuffer item = slice(in, Short.toUnsignedInt(in.getShort()));
        switch (type) {
          case ITEM_PRESENTATION_CONTEXT -> contexts.add(presentationContext(item));
          case ITEM_USER_INFORMATION -> maxPdu = maximumLength(item);
          case ITEM_APPLICATION_CONTEXT -> { } // only the DICOM application context exists
          default -> { } // unknown items are ignored (PS3.8 §9.3.1)
        }
      }
      return new AssociationRequest(version, called, calling, List.copyOf(contexts), maxPdu);
    } catch (RuntimeException e) {
      throw new ProtocolException("malformed A-ASSOCIATE-RQ: " + e);
    }
  }

  private static PresentationContext presentationContext(ByteBuffer item) {
    int id = Byte.toUnsignedInt(item.get());
    item.position(item.position() + 3);
    String abstractSyntax = "";
    List<String> transferSyntaxes = new ArrayList<>();
    while (item.hasRemaining()) {
      int type = Byte.toUnsignedInt(item.get());
      item.get();
      int length = Short.toUnsignedInt(item.getShort());
      String value = text(item, length);
      if (type == SUBITEM_ABSTRACT_SYNTAX) {
        abstractSyntax = value;
      } else if (type == SUBITEM_TRANSFER_SYNTAX) {
        transferSyntaxes.add(value);
      }
    }
    return new PresentationContext(id, abstractSyntax, List.copyOf(transferSyntaxes));
  }

  private static int maximumLength(ByteBuffer item) {
    int maxPdu = 0;
    while (item.hasRemaining()) {
      int type = Byte.toUnsignedInt(item.get());
      item.get();
      ByteBuffer subitem = slice(item, Short.toUnsignedInt(item.getShort()));
      if (type == SUBITEM_MAXIMUM_LENGTH) {
        maxPdu = subitem.getInt();
      }
    }
    return maxPdu;
  }

  private static ByteBuffer slice(ByteBuffer in, int length) {
    ByteBuffer slice = in.slice(in.position(), length);
    in.position(in.position() + length);
    return slice;
  }

  /** ASCII text of {@code length} bytes without padding (spaces, and NULs after UIDs). */
  private static String text(ByteBuffer in, int length) {
    byte[] bytes = new byte[length];
    in.get(bytes);
    return new String(bytes, StandardCharsets.US_ASCII).replace('\0', ' ').strip();
  }
}

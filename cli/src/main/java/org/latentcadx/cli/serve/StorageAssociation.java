package org.latentcadx.cli.serve;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.network.CEchoResponseCommandMessage;
import com.pixelmed.network.CStoreResponseCommandMessage;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.latentcadx.cli.serve.AssociationAccept.ContextResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One association with a peer, on its own thread: negotiation (AE titles, presentation contexts),
 * then C-ECHO and C-STORE requests until the peer releases or aborts. A received instance is durable
 * in the spool before its C-STORE response is sent.
 */
final class StorageAssociation implements Runnable {

  /** The largest P-DATA-TF PDU the node accepts (announced in the A-ASSOCIATE-AC). */
  static final int MAX_PDU_LENGTH = 1 << 20;

  private static final int MAX_ASSOCIATE_RQ_LENGTH = 1 << 16;
  private static final int MAX_COMMAND_LENGTH = 1 << 16;
  private static final int C_STORE_RQ = 0x0001;
  private static final int C_ECHO_RQ = 0x0030;
  private static final int NO_DATA_SET = 0x0101;
  private static final int SOP_CLASS_NOT_SUPPORTED = 0x0122;
  private static final int UNRECOGNIZED_PDU = 1;
  private static final int UNEXPECTED_PDU = 2;
  private static final Logger LOG = LoggerFactory.getLogger(StorageAssociation.class);

  private final Socket socket;
  private final AcceptancePolicy policy;
  private final Spool spool;
  private final boolean acceptingAssociations;
  private final Listener listener;
  private final Map<Integer, ContextResult> accepted = new HashMap<>();
  private final Map<Integer, String> abstractSyntaxes = new HashMap<>();
  private String callingAeTitle = "?";
  private OutputStream out;
  private ByteArrayOutputStream command = new ByteArrayOutputStream();
  private Request request;
  private IncomingInstance incoming;

  /** What an association tells the node about the C-STOREs it answers. */
  interface Listener {
    /** An instance was stored in {@code incoming/} under {@code name}. */
    void stored(String name);

    /** An instance was refused or failed (not for one received before, which is acknowledged). */
    void notStored(IncomingInstance.Outcome outcome);
  }

  /** The command being answered. */
  private record Request(int contextId, int commandField, int messageId, String sopClassUid, String sopInstanceUid) {}

  /**
   * @param acceptingAssociations false when the node has as many associations as it allows: the
   *     request is then rejected as transient (local limit exceeded)
   * @param listener told of each C-STORE's outcome
   */
  StorageAssociation(Socket socket, AcceptancePolicy policy, Spool spool, boolean acceptingAssociations,
      Listener listener) {
    this.socket = socket;
    this.policy = policy;
    this.spool = spool;
    this.acceptingAssociations = acceptingAssociations;
    this.listener = listener;
  }

  @Override
  public void run() {
    String peer = String.valueOf(socket.getRemoteSocketAddress());
    try (socket) {
      DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
      out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
      if (!associate(in, peer)) {
        return;
      }
      while (true) {
        Pdu pdu = Pdu.read(in, MAX_PDU_LENGTH + 6);
        switch (pdu.type()) {
          case Pdu.P_DATA_TF -> presentationData(pdu.body());
          case Pdu.RELEASE_RQ -> {
            Pdu.releaseResponse().write(out);
            LOG.debug("association with {} ({}) released", callingAeTitle, peer);
            return;
          }
          case Pdu.ABORT -> {
            LOG.info("association with {} ({}) aborted by the peer", callingAeTitle, peer);
            return;
          }
          default -> {
            Pdu.abort(UNEXPECTED_PDU).write(out);
            LOG.warn("association with {} ({}) aborted: unexpected PDU type {}", callingAeTitle, peer,
                pdu.type());
            return;
          }
        }
      }
    } catch (EOFException | SocketTimeoutException e) {
      LOG.info("association with {} ({}) ended without release: {}", callingAeTitle, peer, e.getMessage());
    } catch (ProtocolException e) {
      LOG.warn("association with {} ({}) aborted: {}", callingAeTitle, peer, e.getMessage());
      tryToAbort(UNRECOGNIZED_PDU);
    } catch (IOException e) {
      LOG.warn("association with {} ({}) failed: {}", callingAeTitle, peer, e.toString());
    } catch (RuntimeException e) {
      LOG.error("association with {} ({}) aborted by an unexpected error", callingAeTitle, peer, e);
      tryToAbort(0);
    } finally {
      if (incoming != null) {
        incoming.abandon();
      }
    }
  }

  /** Reads the A-ASSOCIATE-RQ and accepts or rejects it; true when accepted. */
  private boolean associate(DataInputStream in, String peer) throws IOException {
    Pdu pdu = Pdu.read(in, MAX_ASSOCIATE_RQ_LENGTH);
    if (pdu.type() != Pdu.ASSOCIATE_RQ) {
      throw new ProtocolException("expected an A-ASSOCIATE-RQ, got PDU type " + pdu.type());
    }
    AssociationRequest request = AssociationRequest.parse(pdu.body());
    callingAeTitle = request.callingAeTitle();
    Optional<AcceptancePolicy.Rejection> rejection = policy.rejection(request);
    if (rejection.isPresent()) {
      rejection.get().pdu().write(out);
      LOG.warn("association from {} ({}) rejected: {}", callingAeTitle, peer, rejection.get().reason());
      return false;
    }
    if (!acceptingAssociations) {
      Pdu.reject(2, 3, 2).write(out); // transient, service provider (presentation), local limit exceeded
      LOG.warn("association from {} ({}) rejected: too many associations at once", callingAeTitle, peer);
      return false;
    }
    List<ContextResult> results = policy.negotiate(request);
    for (int i = 0; i < results.size(); i++) {
      ContextResult result = results.get(i);
      if (result.result() == ContextResult.ACCEPTANCE) {
        accepted.put(result.id(), result);
        abstractSyntaxes.put(result.id(), request.presentationContexts().get(i).abstractSyntax());
      }
    }
    AssociationAccept.encode(request, results, MAX_PDU_LENGTH).write(out);
    LOG.debug("association from {} ({}) accepted with {} of {} presentation contexts", callingAeTitle, peer,
        accepted.size(), results.size());
    return true;
  }

  /** Handles the presentation data values of one P-DATA-TF PDU. */
  private void presentationData(byte[] body) throws IOException {
    ByteBuffer values = ByteBuffer.wrap(body);
    while (values.hasRemaining()) {
      if (values.remaining() < 6) {
        throw new ProtocolException("truncated presentation data value");
      }
      int length = values.getInt();
      if (length < 2 || length > values.remaining()) {
        throw new ProtocolException("presentation data value of bad length " + length);
      }
      int contextId = Byte.toUnsignedInt(values.get());
      int header = values.get();
      boolean isCommand = (header & 1) != 0;
      boolean isLast = (header & 2) != 0;
      int offset = values.position();
      values.position(offset + length - 2);
      if (!accepted.containsKey(contextId)) {
        throw new ProtocolException("data on presentation context " + contextId + ", which was not accepted");
      }
      if (isCommand) {
        commandFragment(contextId, body, offset, length - 2, isLast);
      } else {
        dataFragment(body, offset, length - 2, isLast);
      }
    }
  }

  private void commandFragment(int contextId, byte[] body, int offset, int length, boolean isLast)
      throws IOException {
    if (request != null) {
      throw new ProtocolException("a command arrived while the data set of the previous one was expected");
    }
    command.write(body, offset, length);
    if (command.size() > MAX_COMMAND_LENGTH) {
      throw new ProtocolException("command set longer than " + MAX_COMMAND_LENGTH + " bytes");
    }
    if (!isLast) {
      return;
    }
    AttributeList list = parseCommand(command.toByteArray());
    command = new ByteArrayOutputStream();
    Request parsed = new Request(
        contextId,
        Attribute.getSingleIntegerValueOrDefault(list, TagFromName.CommandField, -1),
        Attribute.getSingleIntegerValueOrDefault(list, TagFromName.MessageID, 0),
        Attribute.getSingleStringValueOrEmptyString(list, TagFromName.AffectedSOPClassUID),
        Attribute.getSingleStringValueOrEmptyString(list, TagFromName.AffectedSOPInstanceUID));
    boolean hasDataSet =
        Attribute.getSingleIntegerValueOrDefault(list, TagFromName.CommandDataSetType, NO_DATA_SET) != NO_DATA_SET;
    switch (parsed.commandField()) {
      case C_ECHO_RQ -> respond(parsed, echoResponse(parsed));
      case C_STORE_RQ -> {
        if (!hasDataSet) {
          throw new ProtocolException("C-STORE-RQ without a data set");
        }
        request = parsed;
        incoming = startStore(parsed);
      }
      default -> throw new ProtocolException(
          "command 0x" + Integer.toHexString(parsed.commandField()) + " is not supported (only C-ECHO, C-STORE)");
    }
  }

  private IncomingInstance startStore(Request store) {
    String contextSyntax = abstractSyntaxes.get(store.contextId());
    if (!store.sopClassUid().equals(contextSyntax) || contextSyntax.equals(AcceptancePolicy.VERIFICATION)) {
      return IncomingInstance.refused(IncomingInstance.Outcome.failure(SOP_CLASS_NOT_SUPPORTED,
          "SOP class " + store.sopClassUid() + " sent on the presentation context for " + contextSyntax));
    }
    return IncomingInstance.begin(spool, store.sopClassUid(), store.sopInstanceUid(),
        accepted.get(store.contextId()).transferSyntax(), callingAeTitle);
  }

  private void dataFragment(byte[] body, int offset, int length, boolean isLast) throws IOException {
    if (request == null) {
      throw new ProtocolException("a data set arrived without a C-STORE request");
    }
    incoming.write(body, offset, length);
    if (!isLast) {
      return;
    }
    IncomingInstance.Outcome outcome = incoming.finish();
    Request answered = request;
    incoming = null;
    request = null;
    if (outcome.stored()) {
      listener.stored(Spool.nameFor(answered.sopInstanceUid()));
    } else if (outcome.status() != IncomingInstance.Outcome.SUCCESS) {
      listener.notStored(outcome);
    }
    respond(answered, storeResponse(answered, outcome.status()));
  }

  private void respond(Request answered, byte[] response) throws IOException {
    ByteBuffer body = ByteBuffer.allocate(6 + response.length);
    body.putInt(2 + response.length).put((byte) answered.contextId()).put((byte) 0x03).put(response);
    new Pdu(Pdu.P_DATA_TF, body.array()).write(out);
  }

  private static AttributeList parseCommand(byte[] bytes) throws ProtocolException {
    try {
      AttributeList list = new AttributeList();
      list.read(new DicomInputStream(new ByteArrayInputStream(bytes), TransferSyntax.ImplicitVRLittleEndian, false));
      return list;
    } catch (IOException | DicomException | RuntimeException e) {
      throw new ProtocolException("unreadable command set: " + e.getMessage());
    }
  }

  private static byte[] echoResponse(Request echo) throws IOException {
    try {
      return new CEchoResponseCommandMessage(echo.sopClassUid(), echo.messageId(), 0).getBytes();
    } catch (DicomException e) {
      throw new IOException("cannot encode the C-ECHO response: " + e.getMessage(), e);
    }
  }

  private static byte[] storeResponse(Request store, int status) throws IOException {
    try {
      return new CStoreResponseCommandMessage(store.sopClassUid(), store.sopInstanceUid(), store.messageId(), status)
          .getBytes();
    } catch (DicomException e) {
      throw new IOException("cannot encode the C-STORE response: " + e.getMessage(), e);
    }
  }

  private void tryToAbort(int reason) {
    try {
      if (out != null && !socket.isClosed()) {
        Pdu.abort(reason).write(out);
      }
    } catch (IOException e) {
      LOG.debug("cannot send A-ABORT: {}", e.toString());
    }
  }
}

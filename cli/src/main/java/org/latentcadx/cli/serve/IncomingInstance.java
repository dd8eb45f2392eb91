package org.latentcadx.cli.serve;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomOutputStream;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance arriving by C-STORE. Its data set is streamed into a temporary Part 10 file in the
 * spool's {@code incoming/} folder; when the last fragment is in, the header is checked and the file is
 * made durable under its name before the status is returned for the C-STORE response.
 */
final class IncomingInstance {

  /**
   * The C-STORE response status (PS3.4 Annex B.2.3), for a failure why, and whether the instance was
   * newly stored (false for a failure and for an instance received before).
   */
  record Outcome(int status, String comment, boolean stored) {
    static final int SUCCESS = 0x0000;
    static final int OUT_OF_RESOURCES = 0xA700;
    static final int CANNOT_UNDERSTAND = 0xC000;
    static final int PROCESSING_FAILURE = 0x0110;

    static Outcome failure(int status, String comment) {
      return new Outcome(status, comment, false);
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(IncomingInstance.class);

  private final Spool spool;
  private final String sopClassUid;
  private final String sopInstanceUid;
  private final String callingAeTitle;
  private final String name;
  private Path temp;
  private OutputStream out;
  private long reserved;
  private Outcome early;
  private boolean claimed;

  private IncomingInstance(Spool spool, String sopClassUid, String sopInstanceUid, String callingAeTitle) {
    this.spool = spool;
    this.sopClassUid = sopClassUid;
    this.sopInstanceUid = sopInstanceUid;
    this.callingAeTitle = callingAeTitle;
    this.name = sopInstanceUid.isEmpty() ? "" : Spool.nameFor(sopInstanceUid);
  }

  /**
   * Starts receiving. An instance received before is acknowledged again without being stored twice,
   * so that a sender's retry after a lost response scores it only once.
   */
  static IncomingInstance begin(Spool spool, String sopClassUid, String sopInstanceUid, String transferSyntax,
      String callingAeTitle) {
    IncomingInstance instance = new IncomingInstance(spool, sopClassUid, sopInstanceUid, callingAeTitle);
    if (!spool.startReceiving(instance.name)) {
      LOG.info("{} from {}: being received on another association; acknowledged, not stored twice",
          sopInstanceUid, callingAeTitle);
      instance.early = new Outcome(Outcome.SUCCESS, null, false);
      return instance;
    }
    instance.claimed = true;
    if (spool.knows(instance.name)) {
      LOG.info("{} from {}: received before; acknowledged, not stored again", sopInstanceUid, callingAeTitle);
      instance.early = new Outcome(Outcome.SUCCESS, null, false);
      instance.endClaim();
      return instance;
    }
    try {
      instance.temp = Spool.temporaryFor(spool.incoming(instance.name));
      instance.out = new BufferedOutputStream(Files.newOutputStream(instance.temp), 1 << 16);
      FileMetaInformation meta =
          new FileMetaInformation(sopClassUid, sopInstanceUid, transferSyntax, callingAeTitle);
      DicomOutputStream dicom = new DicomOutputStream(instance.out, TransferSyntax.ExplicitVRLittleEndian, null);
      meta.getAttributeList().write(dicom);
      dicom.flush();
    } catch (IOException | DicomException e) {
      instance.fail(Outcome.failure(Outcome.PROCESSING_FAILURE, "cannot store: " + e.getMessage()), e);
    }
    return instance;
  }

  /** An instance refused before any of it is stored: its data set is discarded. */
  static IncomingInstance refused(Outcome outcome) {
    IncomingInstance instance = new IncomingInstance(null, "", "", "");
    instance.early = outcome;
    return instance;
  }

  /** Appends one data fragment; refuses the instance when it would exceed the disk budget. */
  void write(byte[] fragment, int offset, int length) {
    if (early != null) {
      return;
    }
    try {
      if (!spool.reserve(length)) {
        fail(Outcome.failure(Outcome.OUT_OF_RESOURCES,
            "the node's disk budget is used up; send again once results have been delivered"), null);
        return;
      }
      reserved += length;
      out.write(fragment, offset, length);
    } catch (IOException e) {
      fail(Outcome.failure(Outcome.PROCESSING_FAILURE, "cannot store: " + e.getMessage()), e);
    }
  }

  /**
   * Ends the data set: checks the header and, when it is readable and names the instance the command
   * named, makes the file durable in {@code incoming/}.
   *
   * @return the status for the response; a file the header check refuses is kept in {@code failed/}
   *     with a record of why
   */
  Outcome finish() {
    if (early != null) {
      return early;
    }
    try {
      out.close();
      out = null;
      String mismatch = checkHeader();
      if (mismatch != null) {
        Durable.move(temp, spool.failed(name));
        Records.write(spool.failedRecord(name),
            Records.Failure.now(sopInstanceUid, callingAeTitle, "receive", mismatch));
        LOG.warn("{} from {}: refused: {}", sopInstanceUid, callingAeTitle, mismatch);
        return Outcome.failure(Outcome.CANNOT_UNDERSTAND, mismatch);
      }
      Durable.move(temp, spool.incoming(name));
      LOG.info("{} from {}: received", sopInstanceUid, callingAeTitle);
      spool.release(reserved, true);
      reserved = 0;
      return new Outcome(Outcome.SUCCESS, null, true);
    } catch (IOException e) {
      fail(Outcome.failure(Outcome.PROCESSING_FAILURE, "cannot store: " + e.getMessage()), e);
      return early;
    } finally {
      spool.release(reserved, true); // kept, in incoming/ or failed/ (0 when already released)
      reserved = 0;
      endClaim();
    }
  }

  private void endClaim() {
    if (claimed) {
      spool.endReceiving(name);
      claimed = false;
    }
  }

  /** Discards what was received (the association ended before the last fragment). */
  void abandon() {
    if (early == null) {
      fail(Outcome.failure(Outcome.PROCESSING_FAILURE, "association ended during the transfer"), null);
    }
  }

  /** Null when the header reads and names this instance and class; otherwise what is wrong. */
  private String checkHeader() {
    AttributeList header = new AttributeList();
    try {
      header.read(temp.toString(), TagFromName.PixelData);
    } catch (IOException | DicomException | RuntimeException e) {
      return "the data set cannot be parsed as DICOM: " + e.getMessage();
    }
    String instance = Attribute.getSingleStringValueOrEmptyString(header, TagFromName.SOPInstanceUID);
    String sopClass = Attribute.getSingleStringValueOrEmptyString(header, TagFromName.SOPClassUID);
    if (!instance.equals(sopInstanceUid) || !sopClass.equals(sopClassUid)) {
      return "the data set's SOP Instance/Class UID (" + instance + ", " + sopClass
          + ") differ from the C-STORE request's (" + sopInstanceUid + ", " + sopClassUid + ")";
    }
    return null;
  }

  private void fail(Outcome outcome, Exception cause) {
    early = outcome;
    if (cause != null) {
      LOG.error("{} from {}: {}", sopInstanceUid, callingAeTitle, outcome.comment(), cause);
    } else {
      LOG.warn("{} from {}: {}", sopInstanceUid, callingAeTitle, outcome.comment());
    }
    try {
      if (out != null) {
        out.close();
      }
      if (temp != null) {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      LOG.warn("{}: cannot remove the partial file {}: {}", sopInstanceUid, temp, e.toString());
    }
    out = null;
    spool.release(reserved, false);
    reserved = 0;
    endClaim();
  }
}

package org.latentcadx.cli.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.latentcadx.cli.serve.AssociationAccept.ContextResult;

/**
 * Which associations and presentation contexts the node accepts: only requests addressed to its AE
 * title from an allowed calling AE title; Verification, and the image storage classes the DICOM reader
 * reads, in a transfer syntax it decodes.
 *
 * @param aeTitle the node's AE title (the called AE title it answers to)
 * @param allowedCallingAeTitles the calling AE titles accepted; others are rejected
 * @param storageSopClasses the storage SOP classes accepted
 * @param transferSyntaxes the transfer syntaxes accepted
 */
record AcceptancePolicy(
    String aeTitle, Set<String> allowedCallingAeTitles, Set<String> storageSopClasses, List<String> transferSyntaxes) {

  static final String VERIFICATION = "1.2.840.10008.1.1";
  private static final String IMPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2";

  // A-ASSOCIATE-RJ fields (PS3.8 §9.3.4).
  private static final int REJECTED_PERMANENT = 1;
  private static final int SERVICE_USER = 1;
  private static final int SERVICE_PROVIDER_ACSE = 2;
  private static final int CALLING_AE_TITLE_NOT_RECOGNIZED = 3;
  private static final int CALLED_AE_TITLE_NOT_RECOGNIZED = 7;
  private static final int PROTOCOL_VERSION_NOT_SUPPORTED = 2;

  /** The A-ASSOCIATE-RJ for a request the node refuses, with the reason in words; empty when accepted. */
  Optional<Rejection> rejection(AssociationRequest request) {
    if ((request.protocolVersion() & 1) == 0) {
      return Optional.of(new Rejection(
          Pdu.reject(REJECTED_PERMANENT, SERVICE_PROVIDER_ACSE, PROTOCOL_VERSION_NOT_SUPPORTED),
          "protocol version " + request.protocolVersion() + " is not supported"));
    }
    if (!request.calledAeTitle().equals(aeTitle)) {
      return Optional.of(new Rejection(
          Pdu.reject(REJECTED_PERMANENT, SERVICE_USER, CALLED_AE_TITLE_NOT_RECOGNIZED),
          "called AE title '" + request.calledAeTitle() + "' is not this node's ('" + aeTitle + "')"));
    }
    if (!allowedCallingAeTitles.contains(request.callingAeTitle())) {
      return Optional.of(new Rejection(
          Pdu.reject(REJECTED_PERMANENT, SERVICE_USER, CALLING_AE_TITLE_NOT_RECOGNIZED),
          "calling AE title '" + request.callingAeTitle() + "' is not among the allowed ones"));
    }
    return Optional.empty();
  }

  /** A refused association: the PDU to send and why. */
  record Rejection(Pdu pdu, String reason) {}

  /** The result of each proposed presentation context, in the order proposed. */
  List<ContextResult> negotiate(AssociationRequest request) {
    List<ContextResult> results = new ArrayList<>();
    for (AssociationRequest.PresentationContext context : request.presentationContexts()) {
      String fallback = context.transferSyntaxes().isEmpty()
          ? IMPLICIT_VR_LITTLE_ENDIAN : context.transferSyntaxes().get(0);
      boolean known = context.abstractSyntax().equals(VERIFICATION)
          || storageSopClasses.contains(context.abstractSyntax());
      if (!known) {
        results.add(new ContextResult(context.id(), ContextResult.ABSTRACT_SYNTAX_NOT_SUPPORTED, fallback));
        continue;
      }
      Optional<String> chosen =
          context.transferSyntaxes().stream().filter(transferSyntaxes::contains).findFirst();
      results.add(chosen
          .map(syntax -> new ContextResult(context.id(), ContextResult.ACCEPTANCE, syntax))
          .orElseGet(() -> new ContextResult(
              context.id(), ContextResult.TRANSFER_SYNTAXES_NOT_SUPPORTED, fallback)));
    }
    return results;
  }
}

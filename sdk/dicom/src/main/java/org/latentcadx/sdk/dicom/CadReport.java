package org.latentcadx.sdk.dicom;

import static org.latentcadx.sdk.dicom.Attributes.code;
import static org.latentcadx.sdk.dicom.Attributes.put;
import static org.latentcadx.sdk.dicom.Attributes.putFloats;
import static org.latentcadx.sdk.dicom.Attributes.putInts;
import static org.latentcadx.sdk.dicom.Attributes.putSequence;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.ModelInfo;

/**
 * Builds a Mammography CAD SR (PS3.3 A.35.5) with the root template TID 4000 (PS3.16) for the images of
 * one study:
 *
 * <pre>
 * CONTAINER Mammography CAD Report                      (root, DCMR 4000)
 *   HAS CONCEPT MOD  Language = English
 *   CONTAINS  CONTAINER Image Library                   (TID 4020: one IMAGE per image, with laterality,
 *                                                        view, orientation, dates, pixel spacing)
 *   CONTAINS  CODE CAD Processing and Findings Summary  = with / without findings (TID 4001)
 *     INFERRED FROM CONTAINER Individual Impression/Recommendation   (TID 4003, one per lesion)
 *       HAS CONCEPT MOD Rendering Intent
 *       CONTAINS CODE Single Image Finding = Mammography breast density   (TID 4006)
 *         HAS CONCEPT MOD Rendering Intent; HAS PROPERTIES algorithm (TID 4019), Certainty of Finding,
 *         Center (SCOORD POINT) and Outline (SCOORD POLYLINE), each SELECTED FROM its library image
 *   CONTAINS  CODE Summary of Detections = Succeeded     (TID 4015/4017: the algorithm and the images)
 *   CONTAINS  CODE Summary of Analyses = Not Attempted
 * </pre>
 *
 * Coordinates are column\row pairs in the source image's pixels, (0, 0) being the top-left corner of
 * the top-left pixel; the outline runs through the centres of the region's boundary pixels of the
 * probability map. A lesion whose peak probability reaches the model's decision threshold is
 * "Presentation Required"; one below it (found at a lower lesion threshold) is "Presentation Optional".
 * The model's SHA-256 and both thresholds are written as Algorithm Parameters.
 */
final class CadReport {

  static final String MAMMOGRAPHY_CAD_SR_STORAGE = "1.2.840.10008.5.1.4.1.1.88.50";
  private static final int SERIES_NUMBER = 9103;

  // Positions in the root's content sequence (ordinals for by-reference items).
  private static final int IMAGE_LIBRARY_POSITION = 2;

  private static final String[] FINDING_TYPE = {"129793001", "SCT", "Mammography breast density"};
  private static final String[] PERCENT = {"%", "UCUM", "Percent"};
  private static final String[] MILLIMETRE = {"mm", "UCUM", "millimeter"};
  private static final Map<String, String[]> SIDES = Map.of(
      "L", new String[] {"80248007", "SCT", "Left breast"},
      "R", new String[] {"73056007", "SCT", "Right breast"},
      "B", new String[] {"63762007", "SCT", "Both breasts"});

  /** View Position (0018,5101) values and their CID 4014 "View for Mammography" codes. */
  private static final Map<String, String[]> VIEWS = Map.of(
      "CC", new String[] {"399162004", "SCT", "cranio-caudal"},
      "MLO", new String[] {"399368009", "SCT", "medio-lateral oblique"},
      "ML", new String[] {"399260004", "SCT", "medio-lateral"},
      "LM", new String[] {"399352003", "SCT", "latero-medial"},
      "LMO", new String[] {"399099002", "SCT", "latero-medial oblique"},
      "FB", new String[] {"399196006", "SCT", "caudo-cranial (from below)"},
      "XCCL", new String[] {"399192008", "SCT", "cranio-caudal exaggerated laterally"},
      "XCCM", new String[] {"399101009", "SCT", "cranio-caudal exaggerated medially"});

  private CadReport() {}

  static AttributeList build(List<ScoredImage> images)
      throws LatentCadxException, DicomException {
    DicomSource first = images.get(0).source();
    ModelInfo model = images.get(0).model();
    AlgorithmIdentity algorithm = new AlgorithmIdentity(model.name(), model.version());
    AttributeList list = DerivedObject.start(first, MAMMOGRAPHY_CAD_SR_STORAGE, "SR", SERIES_NUMBER,
        "LatentCADx Mammography CAD SR", algorithm, LocalDateTime.now());
    list.remove(TagFromName.PatientOrientation); // image attributes; not in the SR IOD
    list.remove(TagFromName.ImageLaterality);
    for (ScoredImage image : images) {
      image.source().requireReferenceable();
    }
    documentGeneral(list, images);
    put(list, "ValueType", "CONTAINER");
    putSequence(list, "ConceptNameCodeSequence", code("111036", "DCM", "Mammography CAD Report"));
    put(list, "ContinuityOfContent", "SEPARATE");
    AttributeList template = new AttributeList();
    put(template, "MappingResource", "DCMR");
    put(template, "TemplateIdentifier", "4000");
    putSequence(list, "ContentTemplateSequence", template);

    List<String> parameters = List.of(
        "model_sha256=" + model.sha256(),
        "lesion_threshold=" + number(images.get(0).lesionThreshold()),
        "decision_threshold=" + number(model.decisionThreshold()));
    List<AttributeList> root = new ArrayList<>();
    root.add(codeItem("HAS CONCEPT MOD", "121049", "DCM", "Language of Content Item and Descendants",
        new String[] {"en", "RFC5646", "English"}));
    root.add(imageLibrary(images));
    root.add(findingsSummary(images, algorithm, parameters));
    AttributeList detections = codeItem("CONTAINS", "111064", "DCM", "Summary of Detections",
        new String[] {"111222", "DCM", "Succeeded"});
    contents(detections, List.of(detectionsPerformed(images.size(), algorithm, parameters)));
    root.add(detections);
    root.add(codeItem("CONTAINS", "111065", "DCM", "Summary of Analyses",
        new String[] {"111225", "DCM", "Not Attempted"}));
    contents(list, root);
    return list;
  }

  private static void documentGeneral(AttributeList list, List<ScoredImage> images) throws DicomException {
    put(list, "CompletionFlag", "COMPLETE");
    put(list, "VerificationFlag", "UNVERIFIED");
    putSequence(list, "ReferencedPerformedProcedureStepSequence");
    putSequence(list, "PerformedProcedureCodeSequence");
    // Current Requested Procedure Evidence: the images, by series.
    Map<String, List<AttributeList>> bySeries = new LinkedHashMap<>();
    for (ScoredImage image : images) {
      AttributeList reference = new AttributeList();
      put(reference, "ReferencedSOPClassUID", Attributes.string(image.source().attributes(), "SOPClassUID"));
      put(reference, "ReferencedSOPInstanceUID", image.source().sopInstanceUid());
      bySeries.computeIfAbsent(Attributes.string(image.source().attributes(), "SeriesInstanceUID"),
          series -> new ArrayList<>()).add(reference);
    }
    List<AttributeList> seriesItems = new ArrayList<>();
    for (Map.Entry<String, List<AttributeList>> series : bySeries.entrySet()) {
      AttributeList item = new AttributeList();
      put(item, "SeriesInstanceUID", series.getKey());
      putSequence(item, "ReferencedSOPSequence", series.getValue().toArray(AttributeList[]::new));
      seriesItems.add(item);
    }
    AttributeList study = new AttributeList();
    put(study, "StudyInstanceUID", Attributes.string(images.get(0).source().attributes(), "StudyInstanceUID"));
    putSequence(study, "ReferencedSeriesSequence", seriesItems.toArray(AttributeList[]::new));
    putSequence(list, "CurrentRequestedProcedureEvidenceSequence", study);
  }

  /** TID 4020 for each image: IMAGE with its acquisition context. */
  private static AttributeList imageLibrary(List<ScoredImage> images) throws DicomException {
    AttributeList library = container("CONTAINS", "111028", "DCM", "Image Library");
    List<AttributeList> entries = new ArrayList<>();
    for (ScoredImage image : images) {
      AttributeList source = image.source().attributes();
      AttributeList entry = item("CONTAINS", "IMAGE");
      AttributeList reference = new AttributeList();
      put(reference, "ReferencedSOPClassUID", Attributes.string(source, "SOPClassUID"));
      put(reference, "ReferencedSOPInstanceUID", image.source().sopInstanceUid());
      putSequence(entry, "ReferencedSOPSequence", reference);
      List<AttributeList> context = new ArrayList<>();
      String side = Attributes.string(source, "ImageLaterality");
      if (side.isEmpty()) {
        side = Attributes.string(source, "Laterality");
      }
      if (SIDES.containsKey(side)) {
        context.add(codeItem("HAS ACQ CONTEXT", "111027", "DCM", "Image Laterality", SIDES.get(side)));
      }
      String[] view = viewCode(source);
      if (view != null) {
        context.add(codeItem("HAS ACQ CONTEXT", "111031", "DCM", "Image View", view));
      }
      String[] orientation = Attribute.getStringValues(source, TagFromName.PatientOrientation);
      if (orientation != null && orientation.length == 2) {
        context.add(textItem("HAS ACQ CONTEXT", "111044", "DCM", "Patient Orientation Row", orientation[0]));
        context.add(textItem("HAS ACQ CONTEXT", "111043", "DCM", "Patient Orientation Column", orientation[1]));
      }
      dateItem(context, source, "StudyDate", "Date", "111060", "Study Date");
      dateItem(context, source, "StudyTime", "Time", "111061", "Study Time");
      dateItem(context, source, "ContentDate", "Date", "111018", "Content Date");
      dateItem(context, source, "ContentTime", "Time", "111019", "Content Time");
      double[] spacing = spacing(source);
      if (spacing != null) {
        context.add(numItem("HAS ACQ CONTEXT", "111026", "DCM", "Horizontal Pixel Spacing", spacing[1], MILLIMETRE));
        context.add(numItem("HAS ACQ CONTEXT", "111066", "DCM", "Vertical Pixel Spacing", spacing[0], MILLIMETRE));
      }
      contents(entry, context);
      entries.add(entry);
    }
    contents(library, entries);
    return library;
  }

  /** TID 4001: the summary and, per lesion, an individual impression with its single-image finding. */
  private static AttributeList findingsSummary(List<ScoredImage> images, AlgorithmIdentity algorithm,
      List<String> parameters) throws DicomException {
    List<AttributeList> impressions = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      for (ScoredImage.Finding lesion : images.get(i).findings()) {
        String[] intent = lesion.reachesDecisionThreshold()
            ? new String[] {"111150", "DCM", "Presentation Required: Rendering device is expected to present"}
            : new String[] {"111151", "DCM", "Presentation Optional: Rendering device may present"};
        AttributeList finding = codeItem("CONTAINS", "111059", "DCM", "Single Image Finding", FINDING_TYPE);
        List<AttributeList> properties = new ArrayList<>();
        properties.add(codeItem("HAS CONCEPT MOD", "111056", "DCM", "Rendering Intent", intent));
        properties.addAll(algorithmIdentification(algorithm, parameters));
        properties.add(numItem("HAS PROPERTIES", "111012", "DCM", "Certainty of Finding",
            100.0 * lesion.peakProbability(), PERCENT));
        int[] imageReference = {1, IMAGE_LIBRARY_POSITION, i + 1};
        properties.add(scoord("111010", "Center", "POINT", lesion.center(), imageReference));
        properties.add(scoord("111041", "Outline", "POLYLINE", lesion.outline(), imageReference));
        contents(finding, properties);
        AttributeList impression = container("INFERRED FROM", "111034", "DCM", "Individual Impression/Recommendation");
        contents(impression, List.of(
            codeItem("HAS CONCEPT MOD", "111056", "DCM", "Rendering Intent", intent), finding));
        impressions.add(impression);
      }
    }
    String[] summary = impressions.isEmpty()
        ? new String[] {"111241", "DCM", "All algorithms succeeded; without findings"}
        : new String[] {"111242", "DCM", "All algorithms succeeded; with findings"};
    AttributeList item = codeItem("CONTAINS", "111017", "DCM", "CAD Processing and Findings Summary", summary);
    contents(item, impressions);
    return item;
  }

  /** TID 4015/4017: one detection, with the algorithm and, by reference, every library image. */
  private static AttributeList detectionsPerformed(int imageCount, AlgorithmIdentity algorithm,
      List<String> parameters) throws DicomException {
    AttributeList performed = codeItem("CONTAINS", "111022", "DCM", "Detection Performed", FINDING_TYPE);
    List<AttributeList> properties = new ArrayList<>(algorithmIdentification(algorithm, parameters));
    for (int i = 0; i < imageCount; i++) {
      properties.add(byReference("HAS PROPERTIES", new int[] {1, IMAGE_LIBRARY_POSITION, i + 1}));
    }
    contents(performed, properties);
    AttributeList successful = container("INFERRED FROM", "111063", "DCM", "Successful Detections");
    contents(successful, List.of(performed));
    return successful;
  }

  /** TID 4019 rows, all HAS PROPERTIES. */
  private static List<AttributeList> algorithmIdentification(AlgorithmIdentity algorithm, List<String> parameters)
      throws DicomException {
    List<AttributeList> items = new ArrayList<>();
    items.add(textItem("HAS PROPERTIES", "111001", "DCM", "Algorithm Name", algorithm.name()));
    items.add(textItem("HAS PROPERTIES", "111003", "DCM", "Algorithm Version", algorithm.version()));
    for (String parameter : parameters) {
      items.add(textItem("HAS PROPERTIES", "111002", "DCM", "Algorithm Parameters", parameter));
    }
    return items;
  }

  /** The source's View Code Sequence, else its View Position as a CID 4014 code; null when neither. */
  private static String[] viewCode(AttributeList source) {
    Attribute view = source.get(TagFromName.ViewCodeSequence);
    if (!(view instanceof SequenceAttribute sequence) || sequence.getNumberOfItems() == 0) {
      return VIEWS.get(Attributes.string(source, "ViewPosition"));
    }
    AttributeList item = sequence.getItem(0).getAttributeList();
    String value = Attributes.string(item, "CodeValue");
    String scheme = Attributes.string(item, "CodingSchemeDesignator");
    String meaning = Attributes.string(item, "CodeMeaning");
    return value.isEmpty() || scheme.isEmpty() || meaning.isEmpty() ? null : new String[] {value, scheme, meaning};
  }

  /** Row and column spacing in mm: Pixel Spacing, else Imager Pixel Spacing; null when neither. */
  private static double[] spacing(AttributeList source) {
    for (String keyword : List.of("PixelSpacing", "ImagerPixelSpacing")) {
      double[] values = Attribute.getDoubleValues(source, Attributes.tag(keyword));
      if (values != null && values.length == 2 && values[0] > 0 && values[1] > 0) {
        return values;
      }
    }
    return null;
  }

  private static void dateItem(List<AttributeList> context, AttributeList source, String keyword, String valueType,
      String concept, String meaning) throws DicomException {
    String value = Attributes.string(source, keyword);
    if (value.isEmpty()) {
      return;
    }
    AttributeList item = item("HAS ACQ CONTEXT", valueType.toUpperCase(Locale.ROOT));
    putSequence(item, "ConceptNameCodeSequence", code(concept, "DCM", meaning));
    put(item, valueType, value);
    context.add(item);
  }

  // Content items.

  private static AttributeList item(String relationship, String valueType) throws DicomException {
    AttributeList item = new AttributeList();
    put(item, "RelationshipType", relationship);
    put(item, "ValueType", valueType);
    return item;
  }

  private static AttributeList named(String relationship, String valueType, String value, String scheme,
      String meaning) throws DicomException {
    AttributeList item = item(relationship, valueType);
    putSequence(item, "ConceptNameCodeSequence", code(value, scheme, meaning));
    return item;
  }

  private static AttributeList container(String relationship, String value, String scheme, String meaning)
      throws DicomException {
    AttributeList item = named(relationship, "CONTAINER", value, scheme, meaning);
    put(item, "ContinuityOfContent", "SEPARATE");
    return item;
  }

  private static AttributeList codeItem(String relationship, String value, String scheme, String meaning,
      String[] concept) throws DicomException {
    AttributeList item = named(relationship, "CODE", value, scheme, meaning);
    putSequence(item, "ConceptCodeSequence", code(concept[0], concept[1], concept[2]));
    return item;
  }

  private static AttributeList textItem(String relationship, String value, String scheme, String meaning,
      String text) throws DicomException {
    AttributeList item = named(relationship, "TEXT", value, scheme, meaning);
    put(item, "TextValue", text);
    return item;
  }

  private static AttributeList numItem(String relationship, String value, String scheme, String meaning,
      double number, String[] units) throws DicomException {
    AttributeList item = named(relationship, "NUM", value, scheme, meaning);
    AttributeList measured = new AttributeList();
    put(measured, "NumericValue", number(number));
    putSequence(measured, "MeasurementUnitsCodeSequence", code(units[0], units[1], units[2]));
    putSequence(item, "MeasuredValueSequence", measured);
    return item;
  }

  private static AttributeList scoord(String concept, String meaning, String graphicType, float[] points,
      int[] imageReference) throws DicomException {
    AttributeList item = named("HAS PROPERTIES", "SCOORD", concept, "DCM", meaning);
    put(item, "GraphicType", graphicType);
    putFloats(item, "GraphicData", points);
    contents(item, List.of(byReference("SELECTED FROM", imageReference)));
    return item;
  }

  private static AttributeList byReference(String relationship, int[] target) throws DicomException {
    AttributeList item = new AttributeList();
    put(item, "RelationshipType", relationship);
    putInts(item, "ReferencedContentItemIdentifier", target);
    return item;
  }

  private static void contents(AttributeList parent, List<AttributeList> children) {
    if (!children.isEmpty()) {
      putSequence(parent, "ContentSequence", children.toArray(AttributeList[]::new));
    }
  }

  /** A decimal string of at most 16 characters. */
  private static String number(double value) {
    String text = String.format(Locale.ROOT, "%.6f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
    return text.length() <= 16 ? text : String.format(Locale.ROOT, "%.10g", value);
  }
}

package org.stomacds.engine.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.stomacds.engine.documentation.DocumentationElement;
import org.stomacds.engine.findings.Evidence;

/**
 * The dilation balloon as a Device of the Procedure ({@code focalDevice.manipulated} or {@code
 * usedReference}): its size documents the balloon diameter. Read from a {@code property} quantity
 * (mm, cm or French; a property whose type names a length or a pressure is not a size), else from
 * the words of {@code deviceName}, {@code type.text} or a type display when they name a balloon or
 * dilator ("CRE balloon 15-16.5-18 mm": a staged balloon documents each of its sizes, and the
 * diameter is the largest). A stent is not a balloon; entered-in-error Devices are not read.
 */
final class DeviceSource {

  private final ResourceIndex index;

  DeviceSource(ResourceIndex index) {
    this.index = index;
  }

  void read(Procedure procedure, String procedureRef, Documentation.Builder b) {
    List<Device> seen = new ArrayList<>(1);
    for (int i = 0; i < procedure.getFocalDevice().size(); i++) {
      Reference manipulated = procedure.getFocalDevice().get(i).getManipulated();
      device(
          manipulated,
          procedure,
          procedureRef,
          "Procedure.focalDevice[" + i + "].manipulated",
          seen,
          b);
    }
    for (int i = 0; i < procedure.getUsedReference().size(); i++) {
      device(
          procedure.getUsedReference().get(i),
          procedure,
          procedureRef,
          "Procedure.usedReference[" + i + "]",
          seen,
          b);
    }
  }

  private void device(
      Reference reference,
      Procedure procedure,
      String procedureRef,
      String referencePath,
      List<Device> seen,
      Documentation.Builder b) {
    Device device = index.resolve(reference, procedure, Device.class);
    if (device == null
        || device.getStatus() == Device.FHIRDeviceStatus.ENTEREDINERROR
        || seen.stream().anyMatch(d -> d == device)) {
      return;
    }
    seen.add(device);
    // A contained Device has no reference of its own: cite it through the Procedure.
    String own = ResourceIndex.ref(device);
    String ref = own != null ? own : procedureRef;
    String prefix = own != null ? "Device" : referencePath + ".resolve()";
    boolean stent = false;
    List<String> names = new ArrayList<>(2);
    for (int i = 0; i < device.getDeviceName().size(); i++) {
      names.add(device.getDeviceName().get(i).getName());
    }
    names.add(device.getType().getText());
    for (Coding coding : device.getType().getCoding()) {
      names.add(coding.getDisplay());
    }
    for (String name : names) {
      stent |= name != null && name.toLowerCase(Locale.ROOT).contains("stent");
    }
    if (stent) {
      return;
    }
    if (properties(device, ref, prefix, b)) {
      b.source(ref);
      return;
    }
    for (int i = 0; i < device.getDeviceName().size(); i++) {
      if (named(
          device.getDeviceName().get(i).getName(),
          ref,
          prefix + ".deviceName[" + i + "].name",
          b)) {
        b.source(ref);
        return;
      }
    }
    CodeableConcept type = device.getType();
    if (named(type.getText(), ref, prefix + ".type.text", b)) {
      b.source(ref);
      return;
    }
    for (int i = 0; i < type.getCoding().size(); i++) {
      if (named(
          type.getCoding().get(i).getDisplay(),
          ref,
          prefix + ".type.coding[" + i + "].display",
          b)) {
        b.source(ref);
        return;
      }
    }
  }

  /** A size property (mm, cm, French); true when one documents the diameter. */
  private static boolean properties(
      Device device, String ref, String prefix, Documentation.Builder b) {
    boolean found = false;
    for (int p = 0; p < device.getProperty().size(); p++) {
      Device.DevicePropertyComponent property = device.getProperty().get(p);
      String type = FhirValues.words(property.getType()).toLowerCase(Locale.ROOT);
      if (type.contains("length") || type.contains("pressure") || type.contains("volume")) {
        continue;
      }
      for (int q = 0; q < property.getValueQuantity().size(); q++) {
        Quantity quantity = property.getValueQuantity().get(q);
        for (Amounts.Amount amount : StructuredValues.amounts(quantity, "")) {
          double mm = Amounts.millimetres(amount);
          if (mm >= 4 && mm <= 40) {
            Evidence evidence =
                new Evidence(
                    ref,
                    prefix + ".property[" + p + "].valueQuantity[" + q + "]",
                    FhirValues.words(quantity));
            size(mm, evidence, b);
            found = true;
          }
        }
      }
    }
    return found;
  }

  /** A name that names a balloon or dilator and gives its sizes; true when it documents them. */
  private static boolean named(String name, String ref, String path, Documentation.Builder b) {
    if (name == null || name.isBlank()) {
      return false;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (!(lower.contains("balloon")
        || lower.contains("dilat")
        || DocumentationLabels.words(name).contains("cre"))) {
      return false;
    }
    boolean found = false;
    Evidence evidence = new Evidence(ref, path, name);
    for (Amounts.Amount amount : Amounts.parse(name)) {
      if (amount.unit().isEmpty()) {
        // A bare number in a device name (a model or length) is no size.
        continue;
      }
      double mm = Amounts.millimetres(amount);
      if (mm >= 4 && mm <= 40) {
        size(mm, evidence, b);
        found = true;
      }
    }
    return found;
  }

  private static void size(double mm, Evidence evidence, Documentation.Builder b) {
    b.documented(DocumentationElement.BALLOON_DIAMETER, evidence);
    b.balloonDiameterMm((int) Math.round(mm));
    b.stated(
        new StatedValue(
            DocumentationElement.BALLOON_DIAMETER,
            Math.round(mm * 100) / 100.0,
            "mm",
            evidence,
            false));
  }
}

package org.stomacds.engine.rules.loading;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.stomacds.engine.rules.cms.CmsData;
import org.stomacds.engine.rules.cms.CodeFamily;
import org.stomacds.engine.rules.cms.DataFile;
import org.stomacds.engine.rules.cms.Dated;
import org.stomacds.engine.rules.cms.GlobalDaysData;
import org.stomacds.engine.rules.cms.MueData;
import org.stomacds.engine.rules.cms.PfsData;
import org.stomacds.engine.rules.cms.PtpData;
import org.stomacds.engine.rules.cms.TabularNotes;
import org.stomacds.engine.rules.yaml.YamlMap;
import org.stomacds.engine.rules.yaml.YamlNode;

/**
 * The pack's {@code data:} section: each dated CMS (or our own) data file read in its column
 * layout, checked for a known kind, dates in order and no two files of one kind claiming the same
 * date of service.
 */
final class PackData {

  private PackData() {}

  static CmsData read(List<PackLayers.DataEntry> entries, PackSources sources) {
    List<Dated<PtpData>> ptp = new ArrayList<>();
    List<Dated<MueData>> mue = new ArrayList<>();
    List<Dated<PfsData>> pfs = new ArrayList<>();
    List<Dated<GlobalDaysData>> globalDays = new ArrayList<>();
    List<Dated<TabularNotes>> tabularNotes = new ArrayList<>();
    List<Dated<CodeFamily>> codeFamily = new ArrayList<>();
    for (PackLayers.DataEntry declared : entries) {
      YamlMap entry =
          declared.entry().allowOnly("kind", "file", "release", "effective", "end", "source");
      PackFile from = declared.file();
      YamlNode kindNode = entry.require("kind");
      DataFile.DataKind kind = null;
      for (DataFile.DataKind candidate : DataFile.DataKind.values()) {
        if (candidate.id().equals(kindNode.asText())) {
          kind = candidate;
        }
      }
      if (kind == null) {
        List<String> known = new ArrayList<>();
        for (DataFile.DataKind candidate : DataFile.DataKind.values()) {
          known.add(candidate.id());
        }
        throw kindNode.error(
            "unknown data kind '" + kindNode.asText() + "' (known: " + known + ")");
      }
      String file = entry.text("file");
      LocalDate effective = entry.date("effective");
      LocalDate end = entry.optDate("end").orElse(null);
      if (end != null && end.isBefore(effective)) {
        throw entry.require("end").error("end " + end + " is before effective " + effective);
      }
      String sourceId = sources.dataSource(entry.require("source"));
      String release = entry.text("release");
      String name = from.name(file);
      try (BufferedReader reader = from.open(file)) {
        if (reader == null) {
          throw entry.require("file").error("data file '" + file + "' not found (" + name + ")");
        }
        DataFile.DataKind readKind = kind;
        Dating dating =
            data -> new DataFile(readKind, file, release, effective, end, sourceId, data);
        switch (kind) {
          case NCCI_PTP -> add(ptp, PtpData.read(name, reader), PtpData::size, dating, entry);
          case NCCI_MUE -> add(mue, MueData.read(name, reader), MueData::size, dating, entry);
          case PFS_RVU -> add(pfs, PfsData.read(name, reader), PfsData::size, dating, entry);
          case GLOBAL_DAYS ->
              add(
                  globalDays,
                  GlobalDaysData.read(name, reader),
                  GlobalDaysData::size,
                  dating,
                  entry);
          case ICD10CM_NOTES ->
              add(tabularNotes, TabularNotes.read(name, reader), TabularNotes::size, dating, entry);
          case CODE_FAMILY ->
              add(codeFamily, CodeFamily.read(name, reader), CodeFamily::size, dating, entry);
        }
      } catch (IOException e) {
        throw CmsData.unreadable(name, e);
      }
    }
    return new CmsData(ptp, mue, pfs, globalDays, tabularNotes, codeFamily);
  }

  /** The file's entry with its row count. */
  @FunctionalInterface
  private interface Dating {
    DataFile of(int rows);
  }

  /** A read file of one kind, added after its dates are checked against the others of the kind. */
  private static <T> void add(
      List<Dated<T>> files,
      T data,
      java.util.function.ToIntFunction<T> rows,
      Dating dating,
      YamlMap entry) {
    DataFile dataFile = dating.of(rows.applyAsInt(data));
    checkOverlap(files, dataFile, entry);
    files.add(new Dated<>(dataFile, data));
  }

  /** Two files of one kind may not claim the same date of service. */
  private static <T> void checkOverlap(List<Dated<T>> files, DataFile added, YamlMap entry) {
    for (Dated<T> existing : files) {
      DataFile other = existing.file();
      boolean overlap =
          (other.end() == null || !added.effective().isAfter(other.end()))
              && (added.end() == null || !other.effective().isAfter(added.end()));
      if (overlap) {
        throw entry
            .require("effective")
            .error(
                "data file "
                    + added.file()
                    + " covers dates of service that "
                    + other.file()
                    + " already covers (both "
                    + added.kind().id()
                    + ")");
      }
    }
  }
}

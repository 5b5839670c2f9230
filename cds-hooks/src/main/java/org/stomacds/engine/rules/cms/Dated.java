package org.stomacds.engine.rules.cms;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One data file of a kind with what was read from it, and the choice, among the files of a kind, of
 * the one that applies to a date of service.
 *
 * @param file the file
 * @param data what was read from it
 */
public record Dated<T>(DataFile file, T data) {

  static <T> Selection<T> select(List<Dated<T>> files, LocalDate date) {
    if (files.isEmpty()) {
      return null;
    }
    if (date == null) {
      Dated<T> newest = files.get(files.size() - 1);
      return new Selection<>(
          newest.data,
          newest.file,
          "no date of service: the newest "
              + newest.file.kind().words()
              + " loaded ("
              + newest.file.release()
              + ") were applied");
    }
    Dated<T> chosen = null;
    for (Dated<T> file : files) {
      if (file.file.covers(date)) {
        chosen = file;
      }
    }
    if (chosen != null) {
      return new Selection<>(chosen.data, chosen.file, null);
    }
    Dated<T> newest = files.get(files.size() - 1);
    if (newest.file.end() != null && date.isAfter(newest.file.end())) {
      return new Selection<>(
          newest.data,
          newest.file,
          "the date of service "
              + date
              + " is past the newest "
              + newest.file.kind().words()
              + " loaded ("
              + newest.file.release()
              + ", through "
              + newest.file.end()
              + "): those were applied; check the current CMS release");
    }
    Dated<T> before = null;
    for (Dated<T> file : files) {
      if (!file.file.effective().isAfter(date)) {
        before = file;
      }
    }
    if (before != null) {
      return new Selection<>(
          before.data,
          before.file,
          "no "
              + before.file.kind().words()
              + " loaded cover "
              + date
              + ": the latest earlier release ("
              + before.file.release()
              + ") was applied");
    }
    Dated<T> oldest = files.get(0);
    return new Selection<>(
        oldest.data,
        oldest.file,
        "the date of service "
            + date
            + " is before the oldest "
            + oldest.file.kind().words()
            + " loaded ("
            + oldest.file.release()
            + ", from "
            + oldest.file.effective()
            + "): those were applied");
  }

  static <T> List<Dated<T>> sorted(List<Dated<T>> files) {
    List<Dated<T>> copy = new ArrayList<>(files);
    copy.sort(Comparator.comparing(d -> d.file.effective()));
    return List.copyOf(copy);
  }
}

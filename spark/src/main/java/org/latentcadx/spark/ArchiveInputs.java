package org.latentcadx.spark;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * The images of a run: every file under the given folders (recursively) and every file given, in any
 * file system Hadoop is configured for (local paths, {@code file:}, {@code hdfs:}, ...). Names starting
 * with {@code .} or {@code _} are skipped (hidden files, Spark and Hadoop markers). Keys are paths
 * relative to the deepest folder that holds all inputs, as {@code latentcadx score} names its outputs.
 */
final class ArchiveInputs {

  private ArchiveInputs() {}

  static List<ArchiveInput> list(List<String> locations, Configuration hadoop) throws IOException {
    List<Path> files = new ArrayList<>();
    for (String location : locations) {
      Path path = new Path(location);
      FileSystem fs = path.getFileSystem(hadoop);
      Path qualified = fs.makeQualified(path);
      FileStatus status = fs.getFileStatus(qualified);
      if (status.isFile()) {
        files.add(qualified);
        continue;
      }
      RemoteIterator<LocatedFileStatus> listing = fs.listFiles(qualified, true);
      while (listing.hasNext()) {
        Path file = listing.next().getPath();
        if (!hidden(file, qualified)) {
          files.add(file);
        }
      }
    }
    if (files.isEmpty()) {
      throw new IOException("no file found in " + locations);
    }
    files.sort(Comparator.comparing(Path::toString));
    URI common = commonFolder(files);
    List<ArchiveInput> inputs = new ArrayList<>();
    for (Path file : files) {
      String relative = common.relativize(file.toUri()).getPath();
      inputs.add(new ArchiveInput(relative, file.toString()));
    }
    return inputs;
  }

  /** True when a name between {@code root} and {@code file} (the file's included) is hidden. */
  private static boolean hidden(Path file, Path root) {
    for (Path p = file; p != null && !p.equals(root); p = p.getParent()) {
      String name = p.getName();
      if (name.startsWith(".") || name.startsWith("_")) {
        return true;
      }
    }
    return false;
  }

  /** The deepest folder holding every file, as a URI ending in {@code /}. */
  private static URI commonFolder(List<Path> files) {
    String common = files.get(0).getParent().toUri().toString();
    for (Path file : files) {
      String folder = file.getParent().toUri().toString();
      while (!(folder + "/").startsWith(common + "/")) {
        common = common.substring(0, Math.max(common.lastIndexOf('/'), 0));
      }
    }
    return URI.create(common + "/");
  }
}
